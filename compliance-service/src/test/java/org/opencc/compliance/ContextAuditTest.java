package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.compliance.AuditEvents.Envelope;
import org.opencc.contracts.Topics;
import org.opencc.contracts.context.ContextDenied;
import org.opencc.contracts.context.ContextServed;
import org.opencc.contracts.context.Reader;
import org.opencc.contracts.context.SourceOutcome;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Context reads on cc.context.v1 become audit entries saying who read (the reader as actor, role, worker) and
 * what (member paths, masked paths, each source's name and status, the read id; or why it was refused), never
 * values or timings.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ContextAuditTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void aServedReadIsAuditedWithItsReaderAndTheNamesOfWhatWasReadAndHowEachSourceDid() {
        Read read = new Read();
        Instant servedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String traceparent = AuditEvents.newTraceparent();
        Envelope served = Envelope.of(read.served(servedAt), AuditEvents.AGENT_CONTEXT, traceparent);
        AuditEvents.publish(served);

        Map<String, Object> entry = awaitEntries("task_sid", read.task, 1).get(0);

        assertEquals(served.id(), entry.get("event_id"));
        assertEquals(Topics.CONTEXT, entry.get("topic"));
        assertEquals("context.served", entry.get("event_type"));
        assertEquals(read.task, entry.get("subject"));
        assertEquals(read.reader, entry.get("actor"));
        assertEquals("agent", entry.get("actor_role"));
        assertEquals(read.worker, entry.get("worker_sid"));
        assertEquals(read.interaction, entry.get("interaction_id"));
        assertNull(entry.get("reservation_sid"));
        assertEquals(AuditEvents.traceId(traceparent), entry.get("trace_id"));
        assertEquals(servedAt, Instant.parse((String) entry.get("occurred_at")));
        Map<String, Object> detail = detail(entry);
        // names and statuses only: no latency_ms, age_ms, budget_ms or elapsed_ms
        assertEquals(Set.of("read_id", "customer_key", "fields", "masked_fields", "sources", "partial"),
                detail.keySet());
        assertEquals(read.id, detail.get("read_id"));
        assertEquals(read.customer, detail.get("customer_key"));
        assertEquals(List.of("customer.name", "customer.card_number", "records.orders"), detail.get("fields"));
        assertEquals(List.of("customer.card_number"), detail.get("masked_fields"));
        assertEquals(List.of(Map.of("name", "demo-crm", "status", "ok"), Map.of("name", "orders", "status", "stale"),
                Map.of("name", "billing", "status", "timeout")), detail.get("sources"));
        assertEquals(true, detail.get("partial"));
    }

    @Test
    void aRefusedReadIsAuditedWithItsReaderAndReasonAndAReadersEntriesAreFoundByActor() {
        Read allowed = new Read();
        Read refused = allowed.sameReaderOtherTask();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Envelope denied = Envelope.of(refused.denied(t0.plusSeconds(1)), AuditEvents.AGENT_CONTEXT,
                AuditEvents.newTraceparent());
        AuditEvents.publish(denied,
                Envelope.of(allowed.served(t0), AuditEvents.AGENT_CONTEXT, AuditEvents.newTraceparent()));

        // by actor: every read of this reader, in the order they happened
        List<Map<String, Object>> byReader = awaitEntries("actor", allowed.reader, 2);
        assertEquals(List.of("context.served", "context.denied"),
                byReader.stream().map(e -> e.get("event_type")).toList());
        assertEquals(List.of(allowed.task, refused.task), byReader.stream().map(e -> e.get("task_sid")).toList());

        Map<String, Object> entry = byReader.get(1);
        assertEquals(denied.id(), entry.get("event_id"));
        assertEquals("agent", entry.get("actor_role"));
        assertEquals(refused.worker, entry.get("worker_sid"));
        assertNull(entry.get("interaction_id"));
        assertEquals(t0.plusSeconds(1), Instant.parse((String) entry.get("occurred_at")));
        assertEquals(Map.of("read_id", refused.id, "customer_key", refused.customer,
                "reason", "no live reservation of the task names the worker"), detail(entry));

        // an actor narrows a task's entries to its own
        List<Map<String, Object>> narrowed = entries(Map.of("actor", allowed.reader, "task_sid", refused.task));
        assertEquals(List.of(denied.id()), narrowed.stream().map(e -> e.get("event_id")).toList());
        assertThat(entries(Map.of("actor", "someone-else-" + UUID.randomUUID(), "task_sid", refused.task)),
                empty());
    }

    @Test
    void anUndecodableContextRecordGoesToTheDeadLetterTopicUnaudited() {
        String taskSid = Sids.next("WT");
        // a context.served whose value is not a ContextServed: EventCodec refuses it, the channel parks it
        AuditEvents.publish(new Envelope(Topics.CONTEXT, taskSid, UUID.randomUUID().toString(), "context.served",
                AuditEvents.AGENT_CONTEXT, taskSid, AuditEvents.newTraceparent(),
                "{\"read_id\":\"CX01\",\"partial\":\"perhaps\""));

        ConsumerRecord<String, String> parked = await().atMost(DEADLINE).until(() -> AuditEvents.firstWithKey(
                Topics.deadLetter(Topics.CONTEXT, "compliance-service"), taskSid), Optional::isPresent).get();

        assertEquals("context.served",
                new String(parked.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        assertThat(entries(Map.of("task_sid", taskSid)), empty());
    }

    @Test
    void aReadsEntryHoldsNoValuesOfTheCustomersContext() {
        Read read = new Read();
        Envelope served = Envelope.of(read.served(Instant.now()), AuditEvents.AGENT_CONTEXT,
                AuditEvents.newTraceparent());
        // a producer slipping values into the event (which the contract forbids) must not reach the trail
        String leaky = served.value().replaceFirst("\\{",
                "{\"document\":{\"customer\":{\"name\":\"Ada Lovelace\",\"phone\":\"+15551234567\"}},");
        AuditEvents.publish(new Envelope(served.topic(), served.key(), served.id(), served.type(), served.source(),
                served.subject(), served.traceparent(), leaky));

        awaitEntries("task_sid", read.task, 1);
        String body = given().auth().oauth2(token()).queryParam("task_sid", read.task).get("/v1/audit")
                .then().statusCode(200).extract().asString();

        assertFalse(body.contains("Ada Lovelace"), body);
        assertFalse(body.contains("5551234567"), body);
    }

    static List<Map<String, Object>> awaitEntries(String parameter, String value, int expected) {
        await().atMost(DEADLINE).until(() -> entries(Map.of(parameter, value)), hasSize(expected));
        // and no more arrive for what was published
        List<Map<String, Object>> entries = entries(Map.of(parameter, value));
        assertThat(entries, hasSize(expected));
        return entries;
    }

    static List<Map<String, Object>> entries(Map<String, String> filters) {
        return given().auth().oauth2(token()).queryParams(filters).get("/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("entries");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detail(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("detail");
    }

    private static String token() {
        return JwtMinter.shared().token("compliance-" + UUID.randomUUID(), List.of("compliance"), null);
    }

    /** Fresh ids of one context read by one agent, so tests are independent of each other and of order. */
    static final class Read {
        final String id = Sids.next("CX");
        final String task = Sids.next("WT");
        final String interaction = Sids.next("IN");
        final String customer = "ck_" + UUID.randomUUID();
        final String reader;
        final String worker;

        Read() {
            this("agent-" + UUID.randomUUID(), Sids.next("WK"));
        }

        private Read(String reader, String worker) {
            this.reader = reader;
            this.worker = worker;
        }

        /** Another read, of another task, by the same agent. */
        Read sameReaderOtherTask() {
            return new Read(reader, worker);
        }

        ContextServed served(Instant at) {
            return new ContextServed(id, task, interaction, customer, new Reader(reader, "agent", worker),
                    List.of("customer.name", "customer.card_number", "records.orders"),
                    List.of("customer.card_number"),
                    List.of(new SourceOutcome("demo-crm", "ok", 42, null),
                            new SourceOutcome("orders", "stale", 0, 1500L),
                            new SourceOutcome("billing", "timeout", 300, null)),
                    true, 300, 301, at);
        }

        ContextDenied denied(Instant at) {
            return new ContextDenied(id, task, customer, new Reader(reader, "agent", worker),
                    "no live reservation of the task names the worker", at);
        }
    }
}
