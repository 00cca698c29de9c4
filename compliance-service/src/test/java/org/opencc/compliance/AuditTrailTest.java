package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opencc.compliance.AuditEvents.Envelope;
import org.opencc.contracts.Channel;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.tracing.SpanFile;

/** Events on cc.interactions.v1 and cc.tasks.v1 become audit entries, once each, readable through GET /v1/audit. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class AuditTrailTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+\\d{7,}");

    @Test
    void anInteractionsEventsAreListedInTheOrderTheyOccurredWithActorTypeAndTrace() {
        Ids ids = new Ids();
        String traceparent = AuditEvents.newTraceparent();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // published latest first and on two topics: the answer is ordered by when they occurred, not arrived
        AuditEvents.publish(
                Envelope.of(ids.reservationCreated(t0.plusSeconds(2)), AuditEvents.ROUTER, traceparent),
                Envelope.of(ids.taskCreated(t0.plusSeconds(1)), AuditEvents.ROUTER, traceparent),
                Envelope.of(ids.interactionCreated(t0), AuditEvents.GATEWAY, traceparent));

        List<Map<String, Object>> entries = awaitEntries("interaction_id", ids.interaction, 3);

        assertEquals(List.of("interaction.created", "task.created", "reservation.created"),
                column(entries, "event_type"));
        assertEquals(List.of(AuditEvents.GATEWAY, AuditEvents.ROUTER, AuditEvents.ROUTER), column(entries, "actor"));
        assertEquals(List.of(Topics.INTERACTIONS, Topics.TASKS, Topics.TASKS), column(entries, "topic"));
        assertEquals(List.of(ids.interaction, ids.task, ids.task), column(entries, "subject"));
        assertThat(column(entries, "trace_id"), everyItem(is(AuditEvents.traceId(traceparent))));
        assertThat(column(entries, "interaction_id"), everyItem(is(ids.interaction)));
        assertEquals(List.of(t0, t0.plusSeconds(1), t0.plusSeconds(2)),
                AuditTrailTest.<String>column(entries, "occurred_at").stream().map(Instant::parse).toList());
        assertThat(column(entries, "recorded_at"), everyItem(notNullValue()));
        Map<String, Object> reservation = entries.get(2);
        assertEquals(ids.task, reservation.get("task_sid"));
        assertEquals(ids.worker, reservation.get("worker_sid"));
        assertEquals(ids.reservation, reservation.get("reservation_sid"));
        assertThat(entries.get(0).get("task_sid"), nullValue());
        assertThat(entries.get(0).get("event_id"), notNullValue());

        // limit caps the list, oldest first
        List<Map<String, Object>> firstTwo = given().auth().oauth2(token("compliance"))
                .queryParam("interaction_id", ids.interaction).queryParam("limit", 2).get("/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("entries");
        assertEquals(List.of("interaction.created", "task.created"), column(firstTwo, "event_type"));
    }

    @Test
    void anEventDeliveredThreeTimesIsAuditedOnce() {
        Ids ids = new Ids();
        String traceparent = AuditEvents.newTraceparent();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Envelope queued = Envelope.of(ids.queueEntered(t0), AuditEvents.ROUTER, traceparent);
        // the task's next event follows on the same partition: once it is audited, the repeats were consumed too
        Envelope completed = Envelope.of(ids.completed(t0.plusSeconds(1)), AuditEvents.ROUTER, traceparent);
        AuditEvents.publish(queued, queued, queued, completed);

        List<Map<String, Object>> entries = awaitEntries("task_sid", ids.task, 2);

        assertEquals(List.of("task-queue.entered", "task.completed"), column(entries, "event_type"));
        assertEquals(queued.id(), entries.get(0).get("event_id"));
        assertEquals(ids.interaction, entries.get(0).get("interaction_id"));
    }

    @Test
    void anEventOfAnUnknownTypeIsStillAuditedWithItsEnvelope() {
        String taskSid = Sids.next("WT");
        String traceparent = AuditEvents.newTraceparent();
        Envelope unknown = new Envelope(Topics.TASKS, taskSid, UUID.randomUUID().toString(), "task.escalated",
                AuditEvents.ROUTER, taskSid, traceparent, "{\"task_sid\":\"" + taskSid + "\",\"level\":2}");
        AuditEvents.publish(unknown);

        List<Map<String, Object>> entries = awaitEntries("task_sid", taskSid, 1);

        Map<String, Object> entry = entries.get(0);
        assertEquals(unknown.id(), entry.get("event_id"));
        assertEquals("task.escalated", entry.get("event_type"));
        assertEquals(taskSid, entry.get("subject"));
        assertEquals(AuditEvents.ROUTER, entry.get("actor"));
        assertEquals(Topics.TASKS, entry.get("topic"));
        assertEquals(AuditEvents.traceId(traceparent), entry.get("trace_id"));
        assertThat(entry.get("occurred_at"), notNullValue());
    }

    @Test
    void anInteractionCreatedLeavesNoPhoneNumberInTheAuditTrail() {
        Ids ids = new Ids();
        Envelope created = Envelope.of(ids.interactionCreated(Instant.now()), AuditEvents.GATEWAY,
                AuditEvents.newTraceparent());
        // a producer slipping a number into the value (which the contract forbids) must not reach the trail
        String leaky = created.value().replaceFirst("\\{", "{\"from\":\"+15551234567\",");
        AuditEvents.publish(new Envelope(created.topic(), created.key(), created.id(), created.type(),
                created.source(), created.subject(), created.traceparent(), leaky));

        awaitEntries("interaction_id", ids.interaction, 1);
        String body = given().auth().oauth2(token("admin")).queryParam("interaction_id", ids.interaction)
                .get("/v1/audit").then().statusCode(200).extract().asString();

        assertFalse(PHONE_NUMBER.matcher(body).find(), body);
    }

    @Test
    void theConsumerSpanContinuesTheEventsTraceAsComplianceWork() {
        Ids ids = new Ids();
        String traceparent = AuditEvents.newTraceparent();
        AuditEvents.publish(Envelope.of(ids.taskCreated(Instant.now()), AuditEvents.ROUTER, traceparent));

        JsonNode span = await().atMost(DEADLINE).until(() -> SpanFile.ofTrace(AuditEvents.traceId(traceparent))
                .stream().filter(s -> "AuditListener.onTaskEvent".equals(s.path("name").asText())).findFirst(),
                Optional::isPresent).get();

        assertEquals(AuditEvents.spanId(traceparent), span.path("parent_span_id").asText());
        assertEquals("compliance", span.path("attributes").path("cc.stage").asText());
        assertEquals(ids.interaction, span.path("attributes").path("cc.interaction_id").asText());
        assertEquals(ids.task, span.path("attributes").path("cc.task_sid").asText());
    }

    private static List<Map<String, Object>> awaitEntries(String parameter, String id, int expected) {
        await().atMost(DEADLINE).until(() -> entries(parameter, id), hasSize(expected));
        // and no more arrive for what was published
        List<Map<String, Object>> entries = entries(parameter, id);
        assertThat(entries, hasSize(expected));
        return entries;
    }

    private static List<Map<String, Object>> entries(String parameter, String id) {
        return given().auth().oauth2(token("compliance")).queryParam(parameter, id).get("/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("entries");
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> column(List<Map<String, Object>> entries, String name) {
        return entries.stream().map(e -> (T) e.get(name)).toList();
    }

    private static String token(String role) {
        return JwtMinter.shared().token(role + "-" + UUID.randomUUID(), List.of(role), null);
    }

    /** Fresh ids of one interaction's journey, so tests are independent of each other and of order. */
    private static final class Ids {
        final String interaction = Sids.next("IN");
        final String task = Sids.next("WT");
        final String worker = Sids.next("WK");
        final String reservation = Sids.next("WR");
        final String workspace = Sids.next("WS");
        final String workflow = Sids.next("WW");
        final String queue = Sids.next("WQ");

        InteractionCreated interactionCreated(Instant at) {
            return new InteractionCreated(interaction, Channel.VOICE, workspace, workflow, "ck_" + worker, "US",
                    "local", at);
        }

        TaskCreated taskCreated(Instant at) {
            return new TaskCreated(task, workspace, workflow, interaction, "voice", 0,
                    "{\"channel\":\"voice\",\"interaction_id\":\"" + interaction + "\"}", at);
        }

        TaskQueueEntered queueEntered(Instant at) {
            return new TaskQueueEntered(task, workspace, queue, interaction, at);
        }

        ReservationCreated reservationCreated(Instant at) {
            return new ReservationCreated(reservation, task, workspace, worker, queue, interaction, at);
        }

        TaskCompleted completed(Instant at) {
            return new TaskCompleted(task, workspace, queue, interaction, "done", at);
        }
    }
}
