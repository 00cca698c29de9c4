package org.opencc.context.crm;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misconfigured source is refused at start-up, every problem named by its property. */
class SourceDefinitionsTest {
    private static final String P = "cc.context.sources.";

    @Test
    void aCompleteSourceIsReadWithItsDefaults() {
        SourceDefinition orders = SourceConfigs.one(Map.of(
                P + "orders.url", "https://orders.example.com/api/",
                P + "orders.path", "/v2/customers/{customer_key}/orders?channel={channel}",
                P + "orders.map.recent", "/data/orders",
                P + "orders.sensitive", "Card_Number,iban"));
        assertEquals("orders", orders.name());
        assertEquals("https://orders.example.com/api", orders.baseUrl(), "a trailing slash is dropped");
        assertEquals(SourceDefinition.Into.RECORDS, orders.into());
        assertEquals("orders", orders.section());
        assertEquals(Duration.ofSeconds(2), orders.timeout());
        assertEquals(Duration.ofMinutes(10), orders.cacheTtl(), "the global cache TTL when the source sets none");
        assertFalse(orders.required());
        assertEquals(List.of("customer_key", "channel"), orders.path().variables());
        assertEquals("/data/orders", orders.map().get("recent").toString());
        assertEquals(java.util.Set.of("card_number", "iban"), orders.sensitive());
    }

    @Test
    void disabledSourcesAreLeftOutAndTheRestSortedByName() {
        List<SourceDefinition> sources = SourceConfigs.definitions(Map.of(
                P + "zeta.url", "http://127.0.0.1:1",
                P + "alpha.url", "http://127.0.0.1:2",
                P + "off.url", "not even a url",
                P + "off.enabled", "false"), name -> null);
        assertEquals(List.of("alpha", "zeta"), sources.stream().map(SourceDefinition::name).toList());
    }

    @Test
    void everyProblemIsListedWithItsProperty() {
        SourceDefinitions.InvalidSources refused = assertThrows(SourceDefinitions.InvalidSources.class,
                () -> SourceConfigs.definitions(Map.of(
                        P + "a.url", "ftp://files.example.com",
                        P + "a.path", "/customers/{email}",
                        P + "a.into", "profile",
                        P + "b.url", "http://127.0.0.1:1",
                        P + "b.path", "customers/{customer_key}",
                        P + "b.timeout", "0s",
                        P + "b.map.tier", "data/tier",
                        P + "c.url", "http://127.0.0.1:2",
                        P + "c.section", "b"), name -> null));
        assertThat(refused.problems(), containsInAnyOrder(
                containsString(P + "a.url: must be an absolute http or https URL"),
                containsString(P + "a.path: unknown variable {email}"),
                containsString(P + "a.into: must be 'customer' or 'records' (was 'profile')"),
                containsString(P + "b.path: must start with '/'"),
                containsString(P + "b.timeout: must be more than 0"),
                containsString(P + "b.map.tier: must be a JSON Pointer"),
                containsString(P + "c.section: 'b' is already filled by source b")));
        assertThat(refused.getMessage(), containsString("agent-context refuses to start: 7 problem(s)"));
    }

    @Test
    void aSecretComesFromTheEnvironmentAndIsNeverPrinted() {
        List<SourceDefinition> sources = SourceConfigs.definitions(Map.of(
                P + "billing.url", "http://127.0.0.1:1",
                P + "billing.auth.secret-env", "BILLING_TOKEN",
                P + "billing.auth.scheme", "Bearer"), name -> "BILLING_TOKEN".equals(name) ? "s3cret" : null);
        SourceDefinition.SecretHeader header = sources.get(0).auth().orElseThrow();
        assertEquals("Authorization", header.name());
        assertEquals("Bearer s3cret", header.value());
        assertThat(sources.get(0).toString(), not(containsString("s3cret")));
    }

    @Test
    void aSecretFileIsReadAndTrimmed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "t0ken\n");
        SourceDefinition source = SourceConfigs.one(Map.of(
                P + "billing.url", "http://127.0.0.1:1",
                P + "billing.auth.header", "X-Api-Key",
                P + "billing.auth.secret-file", file.toString()));
        assertEquals("t0ken", source.auth().orElseThrow().value());
        assertEquals("X-Api-Key", source.auth().orElseThrow().name());
    }

    @Test
    void aMissingOrAmbiguousSecretIsRefused(@TempDir Path dir) {
        SourceDefinitions.InvalidSources refused = assertThrows(SourceDefinitions.InvalidSources.class,
                () -> SourceConfigs.definitions(Map.of(
                        P + "a.url", "http://127.0.0.1:1",
                        P + "a.auth.secret-env", "NOT_SET_ANYWHERE",
                        P + "b.url", "http://127.0.0.1:2",
                        P + "b.auth.secret-env", "X",
                        P + "b.auth.secret-file", "/x",
                        P + "c.url", "http://127.0.0.1:3",
                        P + "c.auth.secret-file", dir.resolve("absent").toString()), name -> null));
        assertThat(refused.problems(), containsInAnyOrder(
                containsString(P + "a.auth.secret-env: the environment variable NOT_SET_ANYWHERE is not set"),
                containsString(P + "b.auth: set exactly one of auth.secret-env and auth.secret-file"),
                containsString(P + "c.auth.secret-file: cannot read")));
    }

    @Test
    void pathTemplatesEncodeValuesSoTheyCannotAddSegmentsOrParameters() {
        PathTemplate template = PathTemplate.parse("/find/{task.attributes.account.id}?c={channel}");
        com.fasterxml.jackson.databind.node.ObjectNode attributes =
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        attributes.putObject("account").put("id", "a/b?x=1 2");
        ContextSubject subject = new ContextSubject("WT1", null, null, "sms", "ck_1", attributes);
        assertEquals("/find/a%2Fb%3Fx%3D1%202?c=sms", template.expand(subject));
        assertThrows(PathTemplate.MissingVariable.class,
                () -> template.expand(new ContextSubject("WT1", null, null, null, "ck_1", attributes)));
        assertThat(PathTemplate.VARIABLES, hasItem("customer_key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse("/x/{customer_key"))
                .getMessage().contains("unbalanced"));
    }
}
