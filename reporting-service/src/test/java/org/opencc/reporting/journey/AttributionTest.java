package org.opencc.reporting.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Channel;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.context.ContextServed;
import org.opencc.contracts.context.Reader;
import org.opencc.contracts.context.SourceOutcome;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.contracts.task.CallbackFailed;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.ReservationTimedOut;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.support.ids.Sids;

/** The rule table, one rule at a time, on event sequences built from the contracts' own records. */
class AttributionTest {
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final String ws = Sids.next("WS");
    private final String in = Sids.next("IN");
    private final String wt = Sids.next("WT");
    private final String wq = Sids.next("WQ");
    private final String wk = Sids.next("WK");
    private final String wr = Sids.next("WR");

    @Test
    void aJourneyFromWebhookToCompletionIsAttributedToNoStage() {
        List<LoggedEvent> events = happyPath();
        Attribution.Verdict verdict = Attribution.decide(events, T0.plusSeconds(600), GRACE);
        assertEquals("none", verdict.stage());
        assertEquals(List.of(), verdict.anomalies());
    }

    @Test
    void anInteractionWithoutATaskAfterTheGraceIsARoutingFindingButNotBefore() {
        List<LoggedEvent> events = List.of(log(interaction(), 0));
        assertEquals("none", Attribution.decide(events, T0.plusSeconds(10), GRACE).stage(), "still in progress");
        Attribution.Verdict verdict = Attribution.decide(events, T0.plusSeconds(31), GRACE);
        assertEquals("routing", verdict.stage());
        assertEquals("no-task", verdict.rule());
        assertEquals(List.of(events.get(0).eventId()), verdict.eventIds());
    }

    @Test
    void aTaskInNoQueueIsNamedWithItsCreation() {
        LoggedEvent created = log(task("{}"), 1);
        Attribution.Verdict verdict = Attribution.decide(List.of(log(interaction(), 0), created),
                T0.plusSeconds(60), GRACE);
        assertEquals("no-queue", verdict.rule());
        assertTrue(verdict.reason().contains(wt), verdict.reason());
        assertEquals(List.of(created.eventId()), verdict.eventIds());
    }

    @Test
    void twoTasksForOneInteractionAreADuplicate() {
        String second = Sids.next("WT");
        List<LoggedEvent> events = new ArrayList<>(happyPath());
        events.add(log(new TaskCreated(second, ws, Sids.next("WW"), in, "sms", 0, "{}", T0.plusSeconds(2)), 2));
        Attribution.Verdict verdict = Attribution.decide(events, T0.plusSeconds(600), GRACE);
        assertEquals("duplicate-task", verdict.rule());
        assertEquals("routing", verdict.stage());
        assertEquals(2, verdict.eventIds().size());
    }

    @Test
    void aTaskLandingOutsideItsExpectedQueueIsAMisroute() {
        String expected = Sids.next("WQ");
        LoggedEvent created = log(task("{\"expected_queue\":\"" + expected + "\"}"), 1);
        LoggedEvent entered = log(new TaskQueueEntered(wt, ws, wq, in, T0.plusSeconds(2)), 2);
        Attribution.Verdict verdict = Attribution.decide(List.of(log(interaction(), 0), created, entered),
                T0.plusSeconds(60), GRACE);
        assertEquals("expected-queue-missed", verdict.rule());
        assertTrue(verdict.reason().contains("expected " + expected), verdict.reason());
        assertEquals(List.of(created.eventId(), entered.eventId()), verdict.eventIds());
    }

    @Test
    void anExpectedQueueMissedThroughAMatchingFilterIsTheIntakesWrongWorkflow() {
        String expected = Sids.next("WQ");
        LoggedEvent created = log(task("{\"expected_queue\":\"" + expected + "\"}"), 1);
        LoggedEvent entered = log(new TaskQueueEntered(wt, ws, wq, in, T0.plusSeconds(2), Sids.next("WW"), "Sales"),
                2);
        Attribution.Verdict verdict = Attribution.decide(List.of(log(interaction(), 0), created, entered),
                T0.plusSeconds(60), GRACE);
        assertEquals("intake", verdict.stage());
        assertEquals("wrong-workflow", verdict.rule());
        assertTrue(verdict.reason().contains("filter 'Sales'"), verdict.reason());
    }

    @Test
    void anExpectedQueueMissedThroughTheDefaultFilterIsRouting() {
        String expected = Sids.next("WQ");
        LoggedEvent created = log(task("{\"expected_queue\":\"" + expected + "\"}"), 1);
        LoggedEvent entered = log(new TaskQueueEntered(wt, ws, wq, in, T0.plusSeconds(2), Sids.next("WW"),
                TaskQueueEntered.DEFAULT_FILTER), 2);
        Attribution.Verdict verdict = Attribution.decide(List.of(log(interaction(), 0), created, entered),
                T0.plusSeconds(60), GRACE);
        assertEquals("routing", verdict.stage());
        assertEquals("expected-queue-missed", verdict.rule());
        assertEquals(List.of("expected-queue-missed", "default-filter"),
                verdict.anomalies().stream().map(Attribution.Finding::rule).toList());
    }

    @Test
    void routingByTheDefaultFilterIsAnAnomalyButNoFault() {
        List<LoggedEvent> events = List.of(log(interaction(), 0), log(task("{}"), 1),
                log(new TaskQueueEntered(wt, ws, wq, in, T0.plusSeconds(2), Sids.next("WW"),
                        TaskQueueEntered.DEFAULT_FILTER), 2));
        Attribution.Verdict verdict = Attribution.decide(events, T0.plusSeconds(60), GRACE);
        assertEquals("none", verdict.stage());
        assertEquals(List.of("default-filter"), verdict.anomalies().stream().map(Attribution.Finding::rule).toList());
    }

    @Test
    void aFailedAssignmentCallbackIsTheWebhookNotTheTimeoutItCaused() {
        List<LoggedEvent> events = new ArrayList<>(happyPath().subList(0, 4));
        LoggedEvent failed = log(new CallbackFailed(wt, ws, in, wr, CallbackFailed.ASSIGNMENT, "crm.example:443", 500,
                "callback-http-500", 1, null, T0.plusSeconds(4)), 4);
        events.add(failed);
        events.add(log(new ReservationTimedOut(wr, wt, ws, wk, wq, in, T0.plusSeconds(40)), 40));
        Attribution.Verdict verdict = Attribution.decide(events, T0.plusSeconds(600), GRACE);
        assertEquals("webhook", verdict.stage());
        assertEquals("callback-failed", verdict.rule());
        assertTrue(verdict.reason().contains("crm.example:443") && verdict.reason().contains("callback-http-500"),
                verdict.reason());
        assertEquals(List.of(failed.eventId()), verdict.eventIds());
        assertEquals(List.of("callback-failed"), verdict.anomalies().stream().map(Attribution.Finding::rule).toList(),
                "the timeout of the reservation whose callback failed is not a finding of its own");
    }

    @Test
    void aTimedOutReservationIsARoutingFindingAheadOfALaterCrmOne() {
        List<LoggedEvent> events = new ArrayList<>(happyPath());
        LoggedEvent timeout = log(new ReservationTimedOut(wr, wt, ws, wk, wq, in, T0.plusSeconds(20)), 20);
        events.add(timeout);
        events.add(contextRead("timeout", false, 21));
        Attribution.Verdict verdict = Attribution.decide(events, T0.plusSeconds(600), GRACE);
        assertEquals("routing", verdict.stage());
        assertEquals("reservation-timeout", verdict.rule());
        assertEquals(List.of(timeout.eventId()), verdict.eventIds());
        assertEquals(List.of("reservation-timeout", "context-failed"),
                verdict.anomalies().stream().map(Attribution.Finding::rule).toList());
    }

    @Test
    void aContextReadWithASourceTimedOutIsACrmFinding() {
        List<LoggedEvent> events = new ArrayList<>(happyPath());
        LoggedEvent read = contextRead("timeout", true, 5);
        events.add(read);
        Attribution.Verdict verdict = Attribution.decide(events, T0.plusSeconds(600), GRACE);
        assertEquals("crm", verdict.stage());
        assertTrue(verdict.reason().contains("crm timeout after 300 ms"), verdict.reason());
        assertEquals(List.of(read.eventId()), verdict.eventIds());
    }

    @Test
    void aContextReadWhoseSourcesAnsweredIsNoFinding() {
        List<LoggedEvent> events = new ArrayList<>(happyPath());
        events.add(contextRead("ok", false, 5));
        assertEquals("none", Attribution.decide(events, T0.plusSeconds(600), GRACE).stage());
    }

    @Test
    void aForgedWebhookOfNoInteractionIsTheIntakesFault() {
        String sm = Sids.next("SM");
        LoggedEvent forged = log(new IntakeRefused(null, sm, null, IntakeRefused.BAD_SIGNATURE, null, T0), 0);
        Attribution.Verdict verdict = Attribution.decide(List.of(forged), T0.plusSeconds(600), GRACE);
        assertEquals("intake", verdict.stage());
        assertEquals("webhook-refused", verdict.rule());
        assertTrue(verdict.reason().contains(sm) && verdict.reason().contains("signature"), verdict.reason());
        assertEquals(List.of(forged.eventId()), verdict.eventIds());
    }

    @Test
    void aMessageToAnUnmappedNumberNamesTheNumber() {
        LoggedEvent refused = log(new IntakeRefused(null, Sids.next("SM"), "sms", IntakeRefused.UNMAPPED_NUMBER,
                "+15005550009", T0), 0);
        Attribution.Verdict verdict = Attribution.decide(List.of(refused), T0.plusSeconds(600), GRACE);
        assertEquals("webhook-refused", verdict.rule());
        assertTrue(verdict.reason().contains("+15005550009"), verdict.reason());
    }

    @Test
    void aMessageForARegionThisDeploymentCannotServeSaysSo() {
        LoggedEvent refused = log(new IntakeRefused(null, Sids.next("SM"), "sms", IntakeRefused.POLICY_RESIDENCY,
                "+15005550010", T0), 0);
        Attribution.Verdict verdict = Attribution.decide(List.of(refused), T0.plusSeconds(600), GRACE);
        assertEquals("webhook-refused", verdict.rule());
        assertTrue(verdict.reason().contains("+15005550010") && verdict.reason().contains("region"),
                verdict.reason());
    }

    @Test
    void aRepeatedWebhookIsAnIntakeFindingEvenWhenTheInteractionWentWell() {
        List<LoggedEvent> events = new ArrayList<>(happyPath());
        LoggedEvent repeat = log(new IntakeRefused(in, Sids.next("SM"), "sms", IntakeRefused.DUPLICATE,
                "+15005550006", T0.plusSeconds(15)), 15);
        events.add(repeat);
        Attribution.Verdict verdict = Attribution.decide(events, T0.plusSeconds(600), GRACE);
        assertEquals("intake", verdict.stage());
        assertEquals("duplicate-webhook", verdict.rule());
        assertEquals(List.of(repeat.eventId()), verdict.eventIds());
        assertEquals(List.of("duplicate-webhook"), verdict.anomalies().stream().map(Attribution.Finding::rule)
                .toList(), "a duplicate refused is not a refused webhook as well");
    }

    @Test
    void aTaskCanceledWhileWorkersWereFreeIsARoutingFinding() {
        List<LoggedEvent> events = new ArrayList<>(happyPath().subList(0, 3));
        LoggedEvent canceled = log(new TaskCanceled(wt, ws, wq, in, "hung up", 2, T0.plusSeconds(46)), 46);
        events.add(canceled);
        Attribution.Verdict verdict = Attribution.decide(events, T0.plusSeconds(600), GRACE);
        assertEquals("routing", verdict.stage());
        assertEquals("abandoned-while-free", verdict.rule());
        assertTrue(verdict.reason().contains("after waiting 45 s") && verdict.reason().contains("2 worker(s)"),
                verdict.reason());
        assertEquals(List.of(events.get(1).eventId(), canceled.eventId()), verdict.eventIds());
    }

    @Test
    void aTaskCanceledWithNobodyFreeOrFromAnOlderProducerIsNoFinding() {
        List<LoggedEvent> none = new ArrayList<>(happyPath().subList(0, 3));
        none.add(log(new TaskCanceled(wt, ws, wq, in, "hung up", 0, T0.plusSeconds(46)), 46));
        assertEquals("none", Attribution.decide(none, T0.plusSeconds(600), GRACE).stage());
        List<LoggedEvent> unknown = new ArrayList<>(happyPath().subList(0, 3));
        unknown.add(log(new TaskCanceled(wt, ws, wq, in, "hung up", T0.plusSeconds(46)), 46));
        assertEquals("none", Attribution.decide(unknown, T0.plusSeconds(600), GRACE).stage());
    }

    private List<LoggedEvent> happyPath() {
        return List.of(log(interaction(), 0), log(task("{}"), 1),
                log(new TaskQueueEntered(wt, ws, wq, in, T0.plusSeconds(2)), 2),
                log(new ReservationCreated(wr, wt, ws, wk, wq, in, T0.plusSeconds(3)), 3),
                log(new ReservationAccepted(wr, wt, ws, wk, wq, in, T0.plusSeconds(4)), 4),
                log(new TaskCompleted(wt, ws, wq, in, "done", T0.plusSeconds(90)), 90));
    }

    private InteractionCreated interaction() {
        return new InteractionCreated(in, Channel.SMS, ws, Sids.next("WW"), "ck_1f2e", "US", "us-east", T0);
    }

    private TaskCreated task(String attributes) {
        return new TaskCreated(wt, ws, Sids.next("WW"), in, "sms", 0, attributes, T0.plusSeconds(1));
    }

    private LoggedEvent contextRead(String status, boolean partial, int second) {
        return log(new ContextServed(Sids.next("CX"), wt, in, "ck_1f2e", new Reader("ada", "agent", wk),
                List.of("customer.name"), List.of(), List.of(new SourceOutcome("crm", status, 300, null)), partial,
                300, 301, T0.plusSeconds(second)), second);
    }

    /** The event as event_log would give it back. */
    private static LoggedEvent log(DomainEvent event, int second) {
        JsonNode data = EventCodec.mapper().valueToTree(event);
        Instant at = T0.plusSeconds(second);
        return new LoggedEvent(UUID.randomUUID().toString(), event.type(), event.topic(), at, at,
                data.path("interaction_id").asText(null), data.path("task_sid").asText(null),
                data.path("worker_sid").asText(null), null, data);
    }
}
