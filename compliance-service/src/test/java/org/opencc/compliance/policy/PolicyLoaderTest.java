package org.opencc.compliance.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Channel;

/** The policy file loader: the bundled defaults load; a broken file is refused with pointer, line and reason. */
class PolicyLoaderTest {
    private static final List<String> EU = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final List<String> ALL_PARTY_STATES = List.of("CA", "FL", "IL", "MD", "MA", "MT", "NH", "PA",
            "WA");

    @Test
    void theBundledDefaultsLoadAndCoverTheDocumentedJurisdictions() throws IOException {
        Policy policy = PolicyLoader.load("defaults", resource("/" + PolicyStore.DEFAULT_RESOURCE));

        assertEquals(ConsentModel.ONE_PARTY, policy.find("US", null).orElseThrow().consent());
        for (String state : ALL_PARTY_STATES) {
            assertEquals(ConsentModel.ALL_PARTY, policy.find("US", state).orElseThrow().consent(), state);
        }
        for (String country : EU) {
            Jurisdiction j = policy.find(country, null).orElseThrow(() -> new AssertionError(country));
            assertEquals("eu", j.residency(), country);
            assertTrue(j.announcement() != null, country);
        }
        for (String country : List.of("CA", "GB", "AU", "IN")) {
            assertTrue(policy.find(country, null).isPresent(), country);
        }
        Jurisdiction uk = policy.find("GB", null).orElseThrow();
        assertEquals(true, uk.recording().get(Channel.VOICE));
        assertEquals(4, uk.recording().size());
        assertEquals(5, uk.retentionDays().size());
        assertTrue(policy.regions().get("local").containsAll(List.of("us", "ca", "uk", "eu", "au", "in")));
        assertThat(resource("/" + PolicyStore.DEFAULT_RESOURCE), containsString("REVIEW WITH COUNSEL"));
    }

    @Test
    void aMissingFieldIsRefusedWithItsPointerAndLine() throws IOException {
        PolicyException e = refused("missing-consent.json");

        assertEquals(List.of("/jurisdictions/0/consent (line 5, column 5): missing"), e.problems());
        assertThat(e.getMessage(), startsWith("invalid policy file missing-consent.json: "));
    }

    @Test
    void anUnknownConsentModelIsRefusedWithItsPointerLineAndReason() throws IOException {
        PolicyException e = refused("bad-consent-model.json");

        assertEquals(1, e.problems().size(), e.problems().toString());
        assertThat(e.problems().get(0), startsWith("/jurisdictions/1/consent (line 15, column "));
        assertThat(e.problems().get(0), containsString("must be one-party or all-party, not two-party"));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws IOException {
        PolicyException e = refused("several-problems.json");

        assertThat(e.problems().stream().map(p -> p.substring(0, p.indexOf(' '))).toList(), containsInAnyOrder(
                "/jurisdictions/0/country", "/jurisdictions/0/announcements", "/jurisdictions/0/recording/voice",
                "/jurisdictions/0/recording/chat", "/jurisdictions/0/retention_days/recordings",
                "/jurisdictions/0/colour"));
        assertThat(e.problems(), hasItem(startsWith("/jurisdictions/0/country (line 6, column 18): not an ISO")));
        assertThat(e.problems(), hasItem(startsWith("/jurisdictions/0/colour (line 11, column ")));
    }

    @Test
    void aSyntaxErrorIsRefusedWithItsLineAndColumn() throws IOException {
        PolicyException e = refused("not-json.json");

        assertEquals(1, e.problems().size());
        assertThat(e.problems().get(0), startsWith("not valid JSON (line 5, column "));
    }

    @Test
    void aSubdivisionNeedsItsCountrysEntry() throws IOException {
        PolicyException e = refused("subdivision-without-country.json");

        assertEquals(List.of("/jurisdictions (line 4, column 20): US-CA needs a country-wide entry for US"),
                e.problems());
    }

    @Test
    void aStartWithABrokenPolicyFileFailsNamingTheProblem() throws URISyntaxException {
        Path broken = Path.of(PolicyLoaderTest.class.getResource("/fixtures/policies/bad-consent-model.json").toURI());

        PolicyException e = assertThrows(PolicyException.class,
                () -> new PolicyStore(() -> Optional.of(broken.toString())));

        assertThat(e.getMessage(), containsString(broken.toString()));
        assertThat(e.getMessage(), containsString("/jurisdictions/1/consent (line 15"));
    }

    private static PolicyException refused(String fixture) throws IOException {
        String text = resource("/fixtures/policies/" + fixture);
        return assertThrows(PolicyException.class, () -> PolicyLoader.load(fixture, text));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PolicyLoaderTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
