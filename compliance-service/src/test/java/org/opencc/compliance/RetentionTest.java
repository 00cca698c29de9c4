package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencc.compliance.retention.RetentionPurges;
import org.opencc.compliance.retention.RetentionRun;
import org.opencc.contracts.compliance.PurgeRequested;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Retention: a run requests one purge per data class with the policy's cutoffs, sparing what active legal holds
 * protect; a class whose purge is incomplete is not requested again (its stragglers are asked again instead); the
 * purge completes when all five services answered, and the report shows what each purged. Under a policy
 * (fixtures/policies/retention-stricter-subdivision.json) in which California is stricter than the rest of the
 * United States: the bundled defaults have no subdivision with a shorter retention than its country.
 */
@QuarkusTest
@TestProfile(RetentionTest.StricterSubdivision.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class RetentionTest {
    private static final String PATH = "/v1/retention/purges";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final List<String> CLASSES = List.of("recordings", "transcripts", "messages",
            "context_snapshots", "audit");
    private static final String POLICY = "retention-test-1";

    /**
     * Retention days of the fixture, by hand:
     *
     * <pre>
     *                      US   US-CA   GB   DE
     * recordings          365     90   180  120
     * transcripts         365    180   180  120
     * messages            730    730   365  365
     * context_snapshots    30     30    14   30
     * audit              2555   2555  2190 2190
     * </pre>
     *
     * A country's cutoff is its shortest entry, subdivisions included (US recordings: min(365, 90) = 90; US
     * transcripts: min(365, 180) = 180); the default is the shortest of the class anywhere (recordings: 90, from
     * US-CA; transcripts: 120, from DE; context snapshots: 14, from GB).
     */
    private static final Map<String, Map<String, Integer>> COUNTRY_DAYS = Map.of(
            "recordings", Map.of("US", 90, "GB", 180, "DE", 120),
            "transcripts", Map.of("US", 180, "GB", 180, "DE", 120),
            "messages", Map.of("US", 730, "GB", 365, "DE", 365),
            "context_snapshots", Map.of("US", 30, "GB", 14, "DE", 30),
            "audit", Map.of("US", 2555, "GB", 2190, "DE", 2190));
    private static final Map<String, Integer> DEFAULT_DAYS = Map.of("recordings", 90, "transcripts", 120,
            "messages", 365, "context_snapshots", 14, "audit", 2190);

    /** The fixture policy in force. */
    public static class StricterSubdivision implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("cc.compliance.policy-file", Path.of(RetentionTest.class
                        .getResource("/fixtures/policies/retention-stricter-subdivision.json").toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    RetentionPurges purges;

    /** Completes every purge another test left pending, so each test starts (and ends) with none incomplete. */
    @BeforeEach
    @AfterEach
    void completeOutstandingPurges() {
        List<Map<String, Object>> pending = report(null, null).statusCode(200).extract()
                .path("purges.findAll { it.status == 'pending' }");
        for (Map<String, Object> purge : pending) {
            Purges.OTHERS.forEach(service -> Purges.answer((String) purge.get("purge_id"), service,
                    (String) purge.get("data_class"), 0));
        }
        await().atMost(WITHIN).untilAsserted(() -> report(null, null).statusCode(200)
                .body("purges.status", not(hasItem("pending"))));
    }

    @Test
    void aRunRequestsOnePurgePerDataClassWithThePolicysCutoffsSparingActiveHolds() {
        String heldCustomer = Consents.customerKey();
        String releasedCustomer = Consents.customerKey();
        String heldInteraction = Sids.next("IN");
        String admin = Consents.token("admin");
        LegalHoldTest.place(admin, Map.of("customer_key", heldCustomer, "reason", "matter 1")).statusCode(201);
        LegalHoldTest.place(admin, Map.of("interaction_id", heldInteraction, "reason", "matter 2")).statusCode(201);
        String released = LegalHoldTest.place(admin, Map.of("customer_key", releasedCustomer, "reason", "matter 3"))
                .statusCode(201).extract().path("hold_id");
        LegalHoldTest.release(admin, released).statusCode(200);
        // other tests' holds may be active too: the report counts what was active at the run
        List<String> activeCustomers = given().auth().oauth2(admin).get("/v1/legal-holds?active=true").then()
                .statusCode(200).extract().path("holds.findAll { it.customer_key != null }.customer_key");
        List<String> activeInteractions = given().auth().oauth2(admin).get("/v1/legal-holds?active=true").then()
                .statusCode(200).extract().path("holds.findAll { it.interaction_id != null }.interaction_id");

        RetentionRun run = purges.run();

        assertThat(run.requested().keySet(), containsInAnyOrder(CLASSES.toArray()));
        assertThat(run.skipped(), is(empty()));
        assertThat(run.policyVersion(), is(POLICY));
        Map<String, PurgeRequested> published = Purges.awaitRequested(run.requested().values(), 1, WITHIN);
        Instant at = run.at();
        for (String dataClass : CLASSES) {
            PurgeRequested purge = published.get(run.requested().get(dataClass));
            assertThat(purge.purgeId(), startsWith("PG"));
            assertThat(purge.dataClass(), is(dataClass));
            assertThat(purge.policyVersion(), is(POLICY));
            assertThat(purge.attempt(), is(1));
            assertThat(purge.requestedAt(), is(at));
            assertThat(dataClass, purge.defaultCutoff(), is(at.minus(Duration.ofDays(DEFAULT_DAYS.get(dataClass)))));
            assertThat(dataClass, purge.countryCutoffs(), is(cutoffs(at, COUNTRY_DAYS.get(dataClass))));
            assertThat(purge.heldCustomerKeys(), hasItem(heldCustomer));
            assertThat(purge.heldCustomerKeys(), not(hasItem(releasedCustomer)));
            assertThat(purge.heldInteractionIds(), hasItem(heldInteraction));
        }
        // a customer of a country the policy has no entry for is purged by the default cutoff
        PurgeRequested recordings = published.get(run.requested().get("recordings"));
        assertThat(recordings.cutoffFor("FR"), is(at.minus(Duration.ofDays(90))));
        assertThat(recordings.cutoffFor("US"), is(at.minus(Duration.ofDays(90))));
        assertThat(recordings.cutoffFor("GB"), is(at.minus(Duration.ofDays(180))));

        // the four other services answer (compliance-service answers its own, with 0)
        Map<String, Integer> records = Map.of("channel-gateway", 3, "task-router", 0, "agent-context", 2,
                "reporting-service", 0);
        run.requested().forEach((dataClass, id) -> records.forEach((service, n) -> Purges.answer(id, service,
                dataClass, n)));

        String recordingsId = run.requested().get("recordings");
        await().atMost(WITHIN).untilAsserted(() -> purge(recordingsId).statusCode(200)
                .body("status", is("complete")));
        purge(recordingsId)
                .body("purge_id", is(recordingsId))
                .body("data_class", is("recordings"))
                .body("policy_version", is(POLICY))
                .body("requested_at", is(at.toString()))
                .body("completed_at", notNullValue())
                .body("default_cutoff", is(at.minus(Duration.ofDays(90)).toString()))
                .body("country_cutoffs.US", is(at.minus(Duration.ofDays(90)).toString()))
                .body("country_cutoffs.GB", is(at.minus(Duration.ofDays(180)).toString()))
                .body("held_customers", is(new HashSet<>(activeCustomers).size()))
                .body("held_interactions", is(new HashSet<>(activeInteractions).size()))
                .body("records", is(5))
                .body("services.service", containsInAnyOrder("channel-gateway", "task-router", "agent-context",
                        "compliance-service", "reporting-service"))
                .body("services.status", everyItem(is("done")))
                .body("services.answered_at", everyItem(notNullValue()))
                .body("services.find { it.service == 'channel-gateway' }.records", is(3))
                .body("services.find { it.service == 'agent-context' }.records", is(2))
                .body("services.find { it.service == 'compliance-service' }.records", is(0));

        // the report over the run's time lists all five, each complete
        await().atMost(WITHIN).untilAsserted(() -> report(at.minusSeconds(1), Instant.now().plusSeconds(1))
                .statusCode(200)
                .body("purges.findAll { it.requested_at == '" + at + "' }.purge_id",
                        containsInAnyOrder(run.requested().values().toArray()))
                .body("purges.findAll { it.requested_at == '" + at + "' }.status", everyItem(is("complete")))
                .body("purges.findAll { it.requested_at == '" + at + "' }.records", everyItem(is(5))));
    }

    @Test
    void aSecondRunWhileThePurgesAreIncompleteRequestsNothingAndStragglersAreAskedAgain() {
        RetentionRun first = purges.run();
        assertThat(first.requested().keySet(), containsInAnyOrder(CLASSES.toArray()));

        RetentionRun second = purges.run();

        assertThat(second.requested(), is(Map.of()));
        assertThat(second.skipped(), containsInAnyOrder(CLASSES.toArray()));
        List<String> reported = report(first.at(), Instant.now().plusSeconds(1)).statusCode(200).extract()
                .path("purges.purge_id");
        assertThat("one purge per class, not two", reported,
                containsInAnyOrder(first.requested().values().toArray()));

        // nobody else answers: after cc.compliance.retention.retry-after (2 s in tests) the same purge goes out
        // again, attempt 2, with the same cutoffs
        String recordingsId = first.requested().get("recordings");
        PurgeRequested initial = Purges.awaitRequested(List.of(recordingsId), 1, WITHIN).get(recordingsId);
        PurgeRequested retry = Purges.awaitRequested(List.of(recordingsId), 2, WITHIN).get(recordingsId);
        assertThat(retry.attempt(), greaterThanOrEqualTo(2));
        assertThat(retry.dataClass(), is("recordings"));
        assertThat(retry.defaultCutoff(), is(initial.defaultCutoff()));
        assertThat(retry.countryCutoffs(), is(initial.countryCutoffs()));
        purge(recordingsId).statusCode(200).body("status", is("pending"))
                .body("attempts", greaterThanOrEqualTo(2))
                .body("services.find { it.service == 'channel-gateway' }.status", is("pending"));

        // once every service answered, the next run requests every class again, as new purges
        first.requested().forEach((dataClass, id) -> Purges.OTHERS.forEach(service -> Purges.answer(id, service,
                dataClass, 1)));
        await().atMost(WITHIN).untilAsserted(() -> first.requested().values().forEach(id -> purge(id)
                .statusCode(200).body("status", is("complete")).body("records", is(4))));
        RetentionRun third = purges.run();
        assertThat(third.requested().keySet(), containsInAnyOrder(CLASSES.toArray()));
        assertThat(Set.copyOf(third.requested().values()), not(hasItem(recordingsId)));
    }

    @Test
    void aRunSlotIsRunByOneReplicaOnly() {
        Instant now = Instant.now();
        Optional<RetentionRun> first = purges.runScheduled(now, Duration.ofHours(1));
        Optional<RetentionRun> again = purges.runScheduled(now, Duration.ofHours(1));

        assertThat(first.isPresent(), is(true));
        assertThat(first.get().requested().keySet(), containsInAnyOrder(CLASSES.toArray()));
        assertThat("the slot is claimed: another replica (or tick) in it runs nothing", again.isPresent(),
                is(false));
    }

    @Test
    void theReportTakesAtMostThirtyOneDaysAndComplianceOrAdminOnly() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        report(from, from.plus(Duration.ofDays(31))).statusCode(200).body("purges", notNullValue());
        invalid(report(from, from.plus(Duration.ofDays(31)).plusSeconds(1)), "to");
        invalid(report(from, from.minusSeconds(1)), "to");
        invalid(given().auth().oauth2(Consents.token("compliance")).queryParam("from", "yesterday").get(PATH)
                .then(), "from");
        invalid(given().auth().oauth2(Consents.token("compliance")).queryParam("to", "2026-01-01").get(PATH)
                .then(), "to");

        purge(Sids.next("PG")).statusCode(404).body("type", is(Consents.PROBLEMS + "not-found"));
        purge("PG-not-a-purge").statusCode(404);
        for (String role : List.of("agent", "supervisor")) {
            given().auth().oauth2(Consents.token(role)).get(PATH).then().statusCode(403);
            given().auth().oauth2(Consents.token(role)).get(PATH + "/" + Sids.next("PG")).then().statusCode(403);
        }
        given().get(PATH).then().statusCode(401);
        given().auth().oauth2(Consents.token("admin")).get(PATH).then().statusCode(200);
    }

    private static Map<String, Instant> cutoffs(Instant at, Map<String, Integer> days) {
        Map<String, Instant> cutoffs = new java.util.TreeMap<>();
        days.forEach((country, d) -> cutoffs.put(country, at.minus(Duration.ofDays(d))));
        return cutoffs;
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", is(Consents.PROBLEMS + "validation-failed"))
                .body("errors.field", contains(field));
    }

    private static ValidatableResponse report(Instant from, Instant to) {
        var request = given().auth().oauth2(Consents.token("compliance"));
        if (from != null) {
            request.queryParam("from", from.toString());
        }
        if (to != null) {
            request.queryParam("to", to.toString());
        }
        return request.get(PATH).then();
    }

    private static ValidatableResponse purge(String id) {
        return given().auth().oauth2(Consents.token("admin")).get(PATH + "/" + id).then();
    }
}
