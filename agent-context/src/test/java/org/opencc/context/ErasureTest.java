package org.opencc.context;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.context.cache.CachedProfile;
import org.opencc.context.cache.ContextCache;
import org.opencc.contracts.Channel;
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.erasure.ErasureRequests;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** An erasure request drops the cached CRM answers and takes the customer key off the views, and is answered. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(DemoCrmResource.class)
class ErasureTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    ContextCache cache;

    @Test
    void theCustomersKeyAndCachedAnswersAreGoneAndTheRequestIsAnsweredAgainOnARetry() throws Exception {
        TaskScenario task = new TaskScenario();
        TaskScenario other = new TaskScenario();
        TaskScenario.publishEvent(new InteractionCreated(task.interactionId, Channel.SMS, task.workspaceSid,
                Sids.next("WW"), task.customerKey, "US", "us-east", Instant.now()));
        task.publish(task.created());
        other.publish(other.created());
        await().atMost(WITHIN).until(() -> known("task", "task_sid", task.taskSid)
                && known("task", "task_sid", other.taskSid)
                && known("interaction", "interaction_id", task.interactionId));
        cache.put(task.taskSid, "demo-crm", new CachedProfile(Map.of("display_name", "Ada"), Instant.now()),
                Duration.ofMinutes(5));
        cache.put("customer:" + task.customerKey, "demo-crm", new CachedProfile(Map.of("display_name", "Ada"),
                Instant.now()), Duration.ofMinutes(5));
        cache.put(other.taskSid, "demo-crm", new CachedProfile(Map.of("display_name", "Bob"), Instant.now()),
                Duration.ofMinutes(5));

        String request = ErasureRequests.newRequestId();
        ErasureRequests.publish(request, List.of(task.customerKey), 1);
        ErasureCompleted answer = ErasureRequests.awaitAnswers(request, "agent-context", 1, WITHIN).get(0);
        assertThat(answer.records(), greaterThanOrEqualTo(2L));

        assertThat(TaskRows.strings("SELECT coalesce(customer_key, 'none') || '|' || attributes FROM task"
                + " WHERE task_sid = ?", task.taskSid), contains(not(containsString(task.customerKey))));
        assertThat(TaskRows.strings("SELECT coalesce(customer_key, 'none') FROM interaction WHERE interaction_id = ?",
                task.interactionId), contains("none"));
        assertTrue(cache.get(task.taskSid, "demo-crm").isEmpty(), "the task's cached CRM answer is gone");
        assertTrue(cache.get("customer:" + task.customerKey, "demo-crm").isEmpty(), "the customer's too");
        assertTrue(cache.get(other.taskSid, "demo-crm").isPresent(), "another customer's stays");
        assertThat(TaskRows.strings("SELECT customer_key FROM task WHERE task_sid = ?", other.taskSid),
                contains(other.customerKey));

        // a retry (compliance-service re-publishes to stragglers) erases nothing new and is answered again
        ErasureRequests.publish(request, List.of(task.customerKey), 2);
        List<ErasureCompleted> answers = ErasureRequests.awaitAnswers(request, "agent-context", 2, WITHIN);
        assertEquals(0L, answers.get(1).records());
    }

    private static boolean known(String table, String column, String id) throws Exception {
        return !TaskRows.strings("SELECT " + column + " FROM " + table + " WHERE " + column + " = ?", id).isEmpty();
    }
}
