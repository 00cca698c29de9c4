package org.opencc.context;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.context.cache.CachedProfile;
import org.opencc.context.cache.ContextCache;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.testsupport.erasure.PurgeRequests;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * A retention purge of {@code context_snapshots} drops cached CRM answers fetched before the default cutoff, keeps
 * those a legal hold protects, and is answered with the number of entries dropped; the next read asks the CRM.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(DemoCrmResource.class)
class RetentionPurgeTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String SOURCE = "demo-crm";
    private static final String SUPERVISOR = TaskScenario.role("supervisor");
    private static final Duration TTL = Duration.ofMinutes(5);

    @Inject
    ContextCache cache;

    @Test
    void aCachedAnswerFetchedBeforeTheCutoffIsDroppedAndTheNextReadAsksTheCrm() {
        String customer = new TaskScenario().customerKey;
        String held = new TaskScenario().customerKey;
        for (String key : List.of(customer, held)) {
            read(key).body(demoCrm("status"), is("ok")).body(demoCrm("fetched_at"), nullValue());
            // the answer is cached as the call completes, which may be just after the read returned
            await().atMost(WITHIN).until(() -> cache.get("customer:" + key, SOURCE).isPresent());
            read(key).body(demoCrm("status"), is("ok")).body(demoCrm("fetched_at"), notNullValue());
        }

        // a cutoff in the future: every answer cached so far is older (other tests' too, so at least ours)
        String purgeId = PurgeRequests.newPurgeId();
        PurgeRequests.publish(PurgeRequests.request(purgeId, "context_snapshots",
                Instant.now().plus(Duration.ofMinutes(1)), Map.of(), List.of(held), List.of(), 1));
        PurgeCompleted answer = PurgeRequests.awaitAnswers(purgeId, "agent-context", 1, WITHIN).get(0);
        assertEquals("context_snapshots", answer.dataClass());
        assertThat(answer.records(), greaterThanOrEqualTo(1L));

        long before = CrmControl.requests();
        read(customer).body(demoCrm("status"), is("ok")).body(demoCrm("fetched_at"), nullValue());
        assertThat("the CRM was asked again", CrmControl.requests(), greaterThan(before + 1));
        read(held).body(demoCrm("status"), is("ok")).body(demoCrm("fetched_at"), notNullValue());
    }

    @Test
    void onlyUnheldAnswersOlderThanTheCutoffAreCountedAndARetryDropsNothingNew() {
        TaskScenario old = new TaskScenario();
        TaskScenario heldByInteraction = new TaskScenario();
        TaskScenario heldByCustomer = new TaskScenario();
        TaskScenario recent = new TaskScenario();
        String oldReader = new TaskScenario().customerKey;
        for (TaskScenario task : List.of(old, heldByInteraction, heldByCustomer, recent)) {
            task.publish(task.created());
        }
        await().atMost(WITHIN).until(() -> known(old) && known(heldByInteraction) && known(heldByCustomer)
                && known(recent));
        Instant longAgo = Instant.now().minus(Duration.ofDays(400));
        put(old.taskSid, longAgo);
        put("customer:" + oldReader, longAgo);
        put(heldByInteraction.taskSid, longAgo);
        put(heldByCustomer.taskSid, longAgo);
        put("customer:" + heldByCustomer.customerKey, longAgo);
        put(recent.taskSid, Instant.now());

        // a class agent-context does not hold: nothing is dropped, however late the cutoff
        String other = PurgeRequests.newPurgeId();
        PurgeRequests.publish(PurgeRequests.request(other, "messages", Instant.now().plus(Duration.ofDays(1)),
                Map.of(), List.of(), List.of(), 1));
        assertEquals(0L, PurgeRequests.awaitAnswers(other, "agent-context", 1, WITHIN).get(0).records());
        assertTrue(cache.get(old.taskSid, SOURCE).isPresent(), "a purge of messages leaves the cache alone");

        String purgeId = PurgeRequests.newPurgeId();
        Instant cutoff = Instant.now().minus(Duration.ofDays(365));
        List<String> heldKeys = List.of(heldByCustomer.customerKey);
        List<String> heldInteractions = List.of(heldByInteraction.interactionId);
        // a country's own cutoff is not applied: the cache does not know the customer's country
        Map<String, Instant> countries = Map.of("US", Instant.now().minus(Duration.ofDays(3650)));
        PurgeRequests.publish(PurgeRequests.request(purgeId, "context_snapshots", cutoff, countries, heldKeys,
                heldInteractions, 1));
        assertEquals(2L, PurgeRequests.awaitAnswers(purgeId, "agent-context", 1, WITHIN).get(0).records(),
                "the unheld task's answer and the unheld customer read's");
        assertTrue(cache.get(old.taskSid, SOURCE).isEmpty());
        assertTrue(cache.get("customer:" + oldReader, SOURCE).isEmpty());
        assertTrue(cache.get(heldByInteraction.taskSid, SOURCE).isPresent(), "held by its interaction");
        assertTrue(cache.get(heldByCustomer.taskSid, SOURCE).isPresent(), "held by its customer key");
        assertTrue(cache.get("customer:" + heldByCustomer.customerKey, SOURCE).isPresent(),
                "a read by a held customer key");
        assertTrue(cache.get(recent.taskSid, SOURCE).isPresent(), "fetched after the cutoff");

        PurgeRequests.publish(PurgeRequests.request(purgeId, "context_snapshots", cutoff, countries, heldKeys,
                heldInteractions, 2));
        assertEquals(0L, PurgeRequests.awaitAnswers(purgeId, "agent-context", 2, WITHIN).get(1).records(),
                "a retry drops nothing new and is answered again");
    }

    private void put(String scope, Instant fetchedAt) {
        cache.put(scope, SOURCE, new CachedProfile(Map.of("display_name", "Ada"), fetchedAt), TTL);
    }

    private static ValidatableResponse read(String customerKey) {
        return given().auth().oauth2(SUPERVISOR).queryParam("budget_ms", "2000")
                .get("/v1/customers/{key}/context", customerKey).then().statusCode(200);
    }

    private static String demoCrm(String member) {
        return "sources.find { it.name == '" + SOURCE + "' }." + member;
    }

    private static boolean known(TaskScenario task) throws Exception {
        return !TaskRows.strings("SELECT task_sid FROM task WHERE task_sid = ?", task.taskSid).isEmpty();
    }
}
