package org.opencc.context;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Channel;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Several configured sources (see {@link ContextSourcesResource}): the budget, late answers warming the cache, a
 * required source failing, masking per role, history, reads by customer, budget validation and the read audit.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(ContextSourcesResource.class)
class ContextSourcesTest {
    private static final String SUPERVISOR = TaskScenario.role("supervisor");

    @AfterEach
    void billingUp() {
        ContextSourcesResource.control("billing=up");
    }

    @Test
    void theAnswerComesWithinTheBudgetAndTheLateSourceWarmsTheCacheForTheNextRead() {
        TaskScenario task = known(new TaskScenario());
        long start = System.nanoTime();
        JsonPath first = read(task, "300", SUPERVISOR).statusCode(200)
                .body("budget_ms", is(300))
                .body("partial", is(true))
                .body("customer.display_name", is("Ada L."))
                .body("records.orders.recent[0].id", is("o-1"))
                .body("records.orders.meta", nullValue())
                .body("records.billing.plan", is("pro"))
                .body("records.scores", nullValue())
                .body("missing_required", empty())
                .extract().jsonPath();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs < ContextSourcesResource.SCORES_LATENCY_MS,
                "the answer waited for the slow source: " + elapsedMs + " ms");
        assertEquals("timeout", status(first, "scores"));
        assertThat(first.getString("sources.find { it.name == 'scores' }.detail"),
                containsString("300 ms budget (the call goes on to warm the cache)"));
        assertEquals("ok", status(first, "orders"));

        // the scores call went on after the answer; once it is done, the next read is served from the cache
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonPath next = read(task, "300", SUPERVISOR).statusCode(200).body("records.scores.score", is(7))
                    .extract().jsonPath();
            assertEquals("ok", status(next, "scores"));
            assertThat(next.getString("sources.find { it.name == 'scores' }.fetched_at"), notNullValue());
        });
    }

    @Test
    void aRequiredSourceWithNothingGivesAClearPartialAnswerNotAnError() {
        TaskScenario task = known(new TaskScenario());
        ContextSourcesResource.control("billing=down");
        JsonPath answer = read(task, "2000", SUPERVISOR).statusCode(200)
                .body("partial", is(true))
                .body("missing_required", containsInAnyOrder("billing"))
                .body("records.billing", nullValue())
                .body("records.orders.recent[0].id", is("o-1"))
                .extract().jsonPath();
        assertEquals("error", status(answer, "billing"));
        assertEquals("HTTP 503", answer.getString("sources.find { it.name == 'billing' }.detail"));
        assertEquals(true, answer.getBoolean("sources.find { it.name == 'billing' }.required"));
    }

    @Test
    void sensitiveMembersAreMaskedForAgentsButNotForSupervisors() {
        TaskScenario task = new TaskScenario();
        String worker = Sids.next("WK");
        task.publish(task.created(), task.reserved(Sids.next("WR"), worker));
        String agent = TaskScenario.agent(worker);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read(task, "2000", agent).statusCode(200)
                .body("records.billing.plan", is("pro")));
        read(task, "2000", agent).statusCode(200)
                .body("customer.national_id", is("****6789"))
                .body("customer.tier", is("gold"))
                .body("records.billing.card_number", is("****1111"))
                .body("records.orders.recent[0].iban", is("****3000"))
                .body("masked_fields", hasItems("customer.national_id", "records.billing.card_number",
                        "records.orders.recent[].iban"));
        read(task, "2000", SUPERVISOR).statusCode(200)
                .body("customer.national_id", is("123-45-6789"))
                .body("records.billing.card_number", is("4111111111111111"))
                .body("masked_fields", empty());
    }

    @Test
    void budgetMsMustBeAPositiveWholeNumberAndIsCappedAtTheMaximum() {
        TaskScenario task = known(new TaskScenario());
        for (String bad : List.of("abc", "0", "-5", "1.5")) {
            read(task, bad, SUPERVISOR).statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("detail", notNullValue())
                    .body("errors.field", hasItem("budget_ms"));
        }
        read(task, "99999", SUPERVISOR).statusCode(200).body("budget_ms", is(2000));
        read(task, null, SUPERVISOR).statusCode(200).body("budget_ms", is(1000)); // %test.cc.context.budget
    }

    @Test
    void theHistoryListsTheCustomersOwnInteractionsNewestFirstWithinNinetyDays() {
        TaskScenario current = new TaskScenario();
        TaskScenario earlier = new TaskScenario(current.customerKey);
        Instant now = Instant.now();
        interaction(earlier, Channel.WHATSAPP, now.minus(Duration.ofDays(3)));
        interaction(new TaskScenario(current.customerKey), Channel.VOICE, now.minus(Duration.ofDays(120)));
        interaction(new TaskScenario(), Channel.SMS, now.minus(Duration.ofDays(1))); // somebody else
        interaction(current, Channel.SMS, now.minus(Duration.ofMinutes(1)));
        String worker = Sids.next("WK");
        String reservation = Sids.next("WR");
        earlier.publish(earlier.created(), earlier.reserved(reservation, worker), earlier.accepted(reservation, worker),
                earlier.completed());
        current.publish(current.created());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read(current, "2000", SUPERVISOR).statusCode(200)
                .body("history.interaction_id", is(List.of(current.interactionId, earlier.interactionId)))
                .body("history[1].outcome", is("completed"))
                .body("history[1].outcome_reason", is("done"))
                .body("history[1].worker_sid", is(worker))
                .body("history[1].task_queue_sid", is(earlier.queueSid))
                .body("history[1].channel", is("whatsapp"))
                .body("history[1].ended_at", notNullValue())
                .body("history[0].outcome", is("waiting"))
                .body("history[0].task_sid", is(current.taskSid)));
    }

    @Test
    void supervisorsReadACustomerWithoutATaskAndAgentsMayNot() {
        TaskScenario task = new TaskScenario();
        JsonPath answer = given().auth().oauth2(SUPERVISOR).queryParam("budget_ms", "2000")
                .get("/v1/customers/{key}/context", task.customerKey).then().statusCode(200)
                .body("task_sid", nullValue())
                .body("customer_key", is(task.customerKey))
                .body("customer.display_name", is("Ada L."))
                .extract().jsonPath();
        assertEquals("skipped", status(answer, "scores"), "its path needs a task attribute");
        assertEquals("no value for {task.attributes.country}",
                answer.getString("sources.find { it.name == 'scores' }.detail"));
        given().auth().oauth2(TaskScenario.agent(Sids.next("WK")))
                .get("/v1/customers/{key}/context", task.customerKey).then().statusCode(403);
        given().get("/v1/customers/{key}/context", task.customerKey).then().statusCode(401);
        given().auth().oauth2(SUPERVISOR).get("/v1/customers/{key}/context", "+15551234567").then().statusCode(400)
                .body("errors.field", hasItem("customerKey"));
    }

    @Test
    void everyReadAnsweredOrRefusedIsAuditedOnTheContextTopicWithFieldNamesNotValues() {
        TaskScenario task = new TaskScenario();
        String worker = Sids.next("WK");
        task.publish(task.created(), task.reserved(Sids.next("WR"), worker));
        String agent = TaskScenario.agent(worker);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read(task, "2000", agent).statusCode(200));
        String servedId = read(task, "2000", agent).statusCode(200).extract().path("read_id");
        String stranger = Sids.next("WK");
        read(task, "2000", TaskScenario.agent(stranger)).statusCode(403);

        JsonNode served = contextEvent("context.served", "read_id", servedId);
        assertEquals(task.taskSid, served.path("task_sid").asText());
        assertEquals("agent-" + worker, served.path("reader").path("subject").asText());
        assertEquals("agent", served.path("reader").path("role").asText());
        assertEquals(worker, served.path("reader").path("worker_sid").asText());
        assertThat(texts(served.path("fields")), hasItems("customer.display_name", "records.billing",
                "records.orders"));
        assertThat(texts(served.path("masked_fields")), hasItem("records.billing.card_number"));
        assertThat(texts(served.path("sources").findValues("name").stream().map(JsonNode::asText).toList()),
                hasItems("billing", "orders", "profile", "scores"));
        assertThat("no values in the audit", served.toString(), not(containsString("4111")));
        assertThat(served.path("elapsed_ms").asLong(), lessThan(5000L));

        JsonNode denied = contextEvent("context.denied", "task_sid", task.taskSid);
        assertEquals(stranger, denied.path("reader").path("worker_sid").asText());
        assertThat(denied.path("reason").asText(), containsString("names worker " + stranger));
    }

    private static List<String> texts(Object nodeOrList) {
        List<String> out = new ArrayList<>();
        if (nodeOrList instanceof JsonNode node) {
            node.forEach(item -> out.add(item.asText()));
        } else {
            ((List<?>) nodeOrList).forEach(item -> out.add(String.valueOf(item)));
        }
        return out;
    }

    /** Reads cc.context.v1 from the start until an event of the type has the member, within a deadline. */
    private static JsonNode contextEvent(String type, String member, String value) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTEXT));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String ceType = new String(record.headers().lastHeader("ce_type").value());
                    JsonNode json = EventCodec.mapper().readTree(record.value());
                    if (type.equals(ceType) && value.equals(json.path(member).asText())) {
                        return Optional.of(json);
                    }
                }
                return Optional.<JsonNode>empty();
            }, Optional::isPresent).get();
        }
    }

    private static void interaction(TaskScenario task, Channel channel, Instant at) {
        TaskScenario.publishEvent(new InteractionCreated(task.interactionId, channel, task.workspaceSid,
                Sids.next("WW"), task.customerKey, "US", "us-east", at));
    }

    private static String status(JsonPath answer, String source) {
        return answer.getString("sources.find { it.name == '" + source + "' }.status");
    }

    private static io.restassured.response.ValidatableResponse read(TaskScenario task, String budgetMs,
            String token) {
        var request = given().auth().oauth2(token);
        if (budgetMs != null) {
            request = request.queryParam("budget_ms", budgetMs);
        }
        return request.get("/v1/tasks/{taskSid}/context", task.taskSid).then();
    }

    /** A task known to the service but never reserved, so nothing is prefetched. */
    private static TaskScenario known(TaskScenario task) {
        task.publish(task.created());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TaskRows.strings("SELECT task_sid FROM task WHERE task_sid = ?", task.taskSid).isEmpty());
        return task;
    }
}
