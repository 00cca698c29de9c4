package org.opencc.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.contracts.interaction.InteractionAssigned;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.contracts.task.CallbackFailed;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.ReservationRejected;
import org.opencc.contracts.task.ReservationTimedOut;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.contracts.worker.WorkerActivityUpdated;
import org.opencc.contracts.compliance.ConsentCaptured;
import org.opencc.contracts.compliance.ConsentRevoked;
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.contracts.compliance.ErasureRequested;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.contracts.compliance.PurgeRequested;
import org.opencc.contracts.compliance.RecordingDecided;
import org.opencc.contracts.context.ContextDenied;
import org.opencc.contracts.context.ContextServed;
import org.opencc.contracts.context.Reader;
import org.opencc.contracts.context.SourceOutcome;

class EventCodecTest {
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");
    private static final String WS = "WS0123456789abcdef0123456789abcdef";
    private static final String WT = "WT0123456789abcdef0123456789abcdef";
    private static final String WK = "WK0123456789abcdef0123456789abcdef";
    private static final String WQ = "WQ0123456789abcdef0123456789abcdef";
    private static final String WR = "WR0123456789abcdef0123456789abcdef";
    private static final String IN = "IN0123456789abcdef0123456789abcdef";

    static Stream<DomainEvent> samples() {
        return Stream.of(
                new InteractionCreated(IN, Channel.SMS, WS, "WW0123456789abcdef0123456789abcdef", "ck_1f2e", "US",
                        "us-east", AT, WQ),
                new InteractionAssigned(IN, WT, WK, AT),
                new IntakeRefused(IN, "SM0123456789abcdef0123456789abcdef", "sms", IntakeRefused.DUPLICATE,
                        "+15005550006", AT),
                new TaskCreated(WT, WS, "WW0123456789abcdef0123456789abcdef", IN, "sms", 0,
                        "{\"channel\":\"sms\"}", AT),
                new ReservationCreated(WR, WT, WS, WK, WQ, IN, AT),
                new ReservationAccepted(WR, WT, WS, WK, WQ, IN, AT),
                new ReservationRejected(WR, WT, WS, WK, WQ, IN, AT),
                new ReservationTimedOut(WR, WT, WS, WK, WQ, IN, AT),
                new TaskQueueEntered(WT, WS, WQ, IN, AT, "WW0123456789abcdef0123456789abcdef", "Billing"),
                new CallbackFailed(WT, WS, IN, WR, CallbackFailed.ASSIGNMENT, "crm.example.com:8443", 0,
                        "callback-timeout", 1, null, AT),
                new TaskCompleted(WT, WS, WQ, IN, "resolved", AT),
                new TaskCanceled(WT, WS, WQ, IN, "customer left", 2, AT),
                new WorkerActivityUpdated(WK, WS, "Alice", "WA0123456789abcdef0123456789abcdef", "Available", true,
                        List.of(WQ), AT),
                new ContextServed("CX0123456789abcdef0123456789abcdef", WT, IN, "ck_1f2e",
                        new Reader("alice", "agent", WK), List.of("customer.name", "records.orders"),
                        List.of("customer.card_number"), List.of(new SourceOutcome("demo-crm", "ok", 42, null),
                                new SourceOutcome("orders", "stale", 0, 1500L)), true, 300, 301, AT),
                new ContextDenied("CX0123456789abcdef0123456789abcdef", WT, "ck_1f2e",
                        new Reader("mallory", "agent", WK), "no live reservation of the task names the worker",
                        AT),
                new ErasureRequested("ER0123456789abcdef0123456789abcdef", List.of("ck_1f2e", "ck_9a8b"), 1, AT),
                new ErasureCompleted("ER0123456789abcdef0123456789abcdef", "channel-gateway", 3, AT),
                new PurgeRequested("PG0123456789abcdef0123456789abcdef", "messages", "2026-11-01",
                        AT.minus(java.time.Duration.ofDays(30)), Map.of("GB", AT.minus(java.time.Duration.ofDays(90))),
                        List.of("ck_1f2e"), List.of(IN), 1, AT),
                new PurgeCompleted("PG0123456789abcdef0123456789abcdef", "channel-gateway", "messages", 12, AT),
                new RecordingDecided("RD0123456789abcdef0123456789abcdef", "voice", "us-east", true, "all-party",
                        "2026-11-01", "US", "US-CA", "US", "US-NY", AT),
                new ConsentCaptured("CN0123456789abcdef0123456789abcdef", IN, "ck_1f2e", "recording", "keypress",
                        "agent", WK, "2026-11-01", "k1a2b3", AT),
                new ConsentRevoked("CN0123456789abcdef0123456789abcdef", IN, "ck_1f2e", "recording", "web-form",
                        "compliance", null, "2026-11-01", "k1a2b3", AT));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void encodingMatchesTheGoldenFileOfItsType(DomainEvent event) throws IOException {
        JsonNode golden = EventCodec.mapper().readTree(golden(event.type()));
        JsonNode encoded = EventCodec.mapper().readTree(EventCodec.encode(event));
        assertEquals(golden, encoded, "value of " + event.type() + " changed: a v1 consumer may break");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyTypeHasARowInEventsMd(DomainEvent event) throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("EVENTS.md"));
        assertTrue(doc.contains("| `" + event.type() + "` | `" + event.getClass().getSimpleName() + "` |"),
                event.type() + " needs a row in EVENTS.md's event table");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void goldenFileDecodesToTheSameRecord(DomainEvent event) throws IOException {
        assertEquals(event, EventCodec.decode(event.type(), golden(event.type())).orElseThrow());
    }

    @Test
    void everyEventNamesItsTopicAndKey() {
        samples().forEach(e -> {
            assertTrue(Topics.all().contains(e.topic()), e.type());
            assertTrue(e.key().startsWith("IN") || e.key().startsWith("WT") || e.key().startsWith("WK")
                    || e.key().startsWith("ck_") || e.key().startsWith("ER") || e.key().startsWith("RD")
                    || e.key().startsWith("PG"), e.type());
        });
    }

    @Test
    void aPurgeCutsByTheCustomersCountryAndSparesWhatIsHeld() {
        PurgeRequested purge = new PurgeRequested("PG0123456789abcdef0123456789abcdef", "messages", "v1",
                AT.minusSeconds(30), Map.of("GB", AT.minusSeconds(90)), List.of("ck_held"), List.of(IN), 1, AT);
        assertEquals(AT.minusSeconds(90), purge.cutoffFor("GB"));
        assertEquals(AT.minusSeconds(30), purge.cutoffFor("US"));
        assertEquals(AT.minusSeconds(30), purge.cutoffFor(null));
        assertTrue(purge.isHeld("ck_held", null));
        assertTrue(purge.isHeld(null, IN));
        assertEquals(false, purge.isHeld("ck_other", "IN00000000000000000000000000000000"));
    }

    @Test
    void aRefusedMessageOfNoInteractionIsKeyedByItsMessageSid() {
        IntakeRefused forged = new IntakeRefused(null, "SM00000000000000000000000000000001", null,
                IntakeRefused.BAD_SIGNATURE, null, AT);
        assertEquals("SM00000000000000000000000000000001", forged.key());
        assertEquals(IN, new IntakeRefused(IN, "SM00000000000000000000000000000001", "sms",
                IntakeRefused.BAD_SIGNATURE, null, AT).key());
    }

    @Test
    void aCancellationFromAnOlderProducerDecodesWithoutAvailableWorkers() {
        String json = "{\"task_sid\":\"" + WT + "\",\"workspace_sid\":\"" + WS + "\",\"task_queue_sid\":\"" + WQ
                + "\",\"interaction_id\":\"" + IN + "\",\"reason\":\"left\",\"occurred_at\":\"2026-11-25T10:15:30Z\"}";
        assertEquals(new TaskCanceled(WT, WS, WQ, IN, "left", AT),
                EventCodec.decode(TaskCanceled.TYPE, json).orElseThrow());
    }

    @Test
    void unknownMembersAreIgnoredSoProducersMayAddOptionalFields() {
        String json = "{\"interaction_id\":\"" + IN + "\",\"task_sid\":\"" + WT + "\",\"worker_sid\":\"" + WK
                + "\",\"assigned_at\":\"2026-11-25T10:15:30Z\",\"added_later\":42}";
        assertEquals(new InteractionAssigned(IN, WT, WK, AT),
                EventCodec.decode(InteractionAssigned.TYPE, json).orElseThrow());
    }

    @Test
    void unknownTypeDecodesToNothing() {
        assertTrue(EventCodec.decode("task.someday", "{}").isEmpty());
        assertTrue(EventCodec.decode(null, "{}").isEmpty());
    }

    @Test
    void malformedValueIsRejectedNamingTheType() {
        var e = assertThrows(EventCodec.MalformedEventException.class,
                () -> EventCodec.decode(TaskCreated.TYPE, "{not json"));
        assertTrue(e.getMessage().contains(TaskCreated.TYPE), e.getMessage());
        assertThrows(EventCodec.MalformedEventException.class,
                () -> EventCodec.decode(InteractionCreated.TYPE, "{\"channel\":\"fax\"}"));
    }

    @Test
    void deadLetterTopicNamesTheGroup() {
        assertEquals("cc.tasks.v1.dlq.channel-gateway", Topics.deadLetter(Topics.TASKS, "channel-gateway"));
        assertEquals(List.of("cc.interactions.v1", "cc.tasks.v1", "cc.workers.v1", "cc.context.v1",
                "cc.compliance.v1", "cc.compliance-acks.v1"), Topics.all());
    }

    private static String golden(String type) throws IOException {
        try (InputStream in = EventCodecTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            if (in == null) {
                throw new IOException("no golden file for " + type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
