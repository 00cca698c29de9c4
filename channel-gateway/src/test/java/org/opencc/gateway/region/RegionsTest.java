package org.opencc.gateway.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void aRegionWithAUrlIsHandedToItsInboundWebhookAndOneWithoutIsKnownButNotServed() {
        Regions regions = new Regions("us-east", Map.of("eu-west", Optional.of("https://gw.eu.example.com/cc/"),
                "ap-south", Optional.empty()));

        assertEquals("us-east", regions.own());
        assertTrue(regions.serves("us-east"));
        assertFalse(regions.serves("eu-west"));
        assertTrue(regions.knows("eu-west"));
        assertTrue(regions.knows("ap-south"));
        assertFalse(regions.knows("sa-east"));
        assertEquals(Optional.of("https://gw.eu.example.com/cc/twilio/messaging/inbound"),
                regions.inboundUrl("eu-west"));
        assertEquals(Optional.empty(), regions.inboundUrl("ap-south"));
        assertEquals(Optional.empty(), regions.inboundUrl("sa-east"));
        assertEquals(List.of("ap-south", "eu-west"), regions.others());
        assertEquals("this deployment serves us-east; configured regions: ap-south, eu-west", regions.describe());
    }

    @Test
    void withoutOtherRegionsOnlyOurOwnIsKnown() {
        Regions regions = new Regions("local", Map.of());

        assertTrue(regions.knows("local"));
        assertFalse(regions.knows("us-east"));
        assertEquals("this deployment serves local; configured regions: none", regions.describe());
    }

    @Test
    void httpIsAllowedForLoopbackHostsOnly() {
        assertTrue(Regions.urlProblem("http://localhost:8091").isEmpty());
        assertTrue(Regions.urlProblem("http://127.0.0.1:8091").isEmpty());
        assertTrue(Regions.urlProblem("http://[::1]:8091").isEmpty());
        assertTrue(Regions.urlProblem("https://gateway.example.com").isEmpty());
        assertTrue(Regions.urlProblem("http://gateway.example.com").orElseThrow().contains("must be https"));
        assertTrue(Regions.urlProblem("http://10.0.0.1").orElseThrow().contains("must be https"));
        assertTrue(Regions.urlProblem("http://127.0.0.300").isPresent(), "no loopback address");
    }

    @Test
    void aUrlThatIsNotAnAbsoluteHttpsBaseIsRefused() {
        for (String url : List.of("gateway.example.com", "/twilio", "ftp://gateway.example.com",
                "https://gateway.example.com/?a=b", "https://gateway.example.com/#x", "https://user:pw@example.com",
                "https://exa mple.com")) {
            assertTrue(Regions.urlProblem(url).isPresent(), url);
        }
        assertFalse(Regions.urlProblem("https://user:pw@example.com").orElseThrow().contains("pw"),
                "credentials are not echoed");
    }

    @Test
    void aBadConfigurationStopsTheServiceNamingEveryProblem() {
        Regions.InvalidRegions invalid = assertThrows(Regions.InvalidRegions.class, () -> new Regions("US East",
                Map.of("eu-west", Optional.of("http://gateway.eu.example.com"), "Bad_Name", Optional.empty())));

        assertEquals(3, invalid.problems().size(), invalid.getMessage());
        assertTrue(invalid.getMessage().startsWith("channel-gateway refuses to start: 3 problem(s)"),
                invalid.getMessage());
        assertTrue(invalid.getMessage().contains("cc.gateway.region: must be 1 to 32 lower-case letters"),
                invalid.getMessage());
        assertTrue(invalid.getMessage().contains("cc.gateway.regions.\"eu-west\".url: must be https"),
                invalid.getMessage());
        assertTrue(invalid.getMessage().contains("cc.gateway.regions.\"Bad_Name\""), invalid.getMessage());
    }

    @Test
    void ourOwnRegionMayNotBeListedAmongTheOthers() {
        Regions.InvalidRegions invalid = assertThrows(Regions.InvalidRegions.class,
                () -> new Regions("us-east", Map.of("us-east", Optional.of("https://gateway.example.com"))));

        assertEquals(List.of("cc.gateway.regions.\"us-east\": is this deployment's own region (cc.gateway.region);"
                + " list only the other regions"), invalid.problems());
    }

    @Test
    void aDashedRegionReadFromAnEnvironmentVariableIsRefusedWithAHint() {
        Regions.InvalidRegions invalid = assertThrows(Regions.InvalidRegions.class,
                () -> new Regions("us-east", Map.of("eu.west", Optional.of("https://gateway.example.com"))));

        assertEquals(1, invalid.problems().size());
        assertTrue(invalid.problems().get(0).contains("in a configuration file"), invalid.getMessage());
    }

    @Test
    void aBlankUrlIsNoUrl() {
        Regions regions = new Regions("us-east", Map.of("ap-south", Optional.of("  ")));

        assertTrue(regions.knows("ap-south"));
        assertEquals(Optional.empty(), regions.inboundUrl("ap-south"));
    }
}
