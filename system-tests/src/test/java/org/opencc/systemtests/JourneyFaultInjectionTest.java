package org.opencc.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencc.systemtests.Journeys.assertAttributed;
import static org.opencc.systemtests.Journeys.events;
import static org.opencc.systemtests.Journeys.has;
import static org.opencc.systemtests.Journeys.pretty;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.process.LocalSuite;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * Journeys must name the stage that really failed. For each stage a real fault is caused on the real path (a
 * signed SMS to channel-gateway, a task in task-router, a reservation, an assignment callback, a context read in
 * agent-context, spans and events into reporting-service), and the journey of that interaction must attribute it
 * to that stage and rule, with no finding of another stage. Each test builds its own workspace, number and
 * customer, so they hold in any order.
 */
class JourneyFaultInjectionTest {
    private static LocalSuite suite;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Journeys journeys = new Journeys(suite, http);
    private final TwilioRestClient twilio = TwilioClients.forBaseUrl(suite.url("task-router"),
            suite.routerAccountSid, suite.routerAuthToken);

    @BeforeAll
    static void startSuite() throws Exception {
        suite = LocalSuite.start(Path.of(System.getProperty("cc.repository.root", "..")), "faults",
                List.of("channel-gateway", "task-router", "agent-context", "reporting-service"));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * The number's mapping expects queue A, but sends its interactions to a workflow whose filter "Sales" matches
     * every SMS and targets B: routing did as configured, the intake (the number → workflow mapping) was wrong.
     */
    @Test
    void aNumberMappedToTheWrongWorkflowIsAnIntakeFault() throws Exception {
        RoutingWorkspace workspace = RoutingWorkspace.create(twilio, "Intake fault");
        TaskQueue expected = workspace.queue("Support");
        TaskQueue sales = workspace.queue("Sales");
        Workflow workflow = workspace.workflow("Sales", "channel == 'sms'", sales.getSid(), expected.getSid(),
                null, null);
        String number = mapNumber(workspace, workflow, expected.getSid());
        textIn(number);

        String interaction = workspace.interactionOf(workspace.onlyTask().getSid());
        JsonNode journey = journeys.until(interaction, "task-queue.entered",
                j -> has(j, "task-queue.entered"));

        JsonNode entered = events(journey, "task-queue.entered").get(0);
        assertEquals(sales.getSid(), entered.path("data").path("task_queue_sid").asText(), pretty(journey));
        assertEquals("Sales", entered.path("data").path("filter").asText(), pretty(journey));
        assertAttributed(journey, "intake", "wrong-workflow", List.of("wrong-workflow"));
        assertTrue(ids(journey.path("attribution").path("event_ids")).contains(entered.path("event_id").asText()),
                "the queue entry is the evidence: " + pretty(journey));
        // task-router's own explanation, fetched with the supervisor's token, shows the filter that matched
        JsonNode explained = journey.path("routing_explanations").get(0);
        assertEquals("ok", explained.path("status").asText(), pretty(journey));
        assertTrue(explained.path("explanation").toString().contains("Sales"), pretty(journey));
    }

    /**
     * A webhook whose signature does not verify (forged, or a gateway holding the wrong auth token) is refused with
     * 403 before anything routes; its message sid is its journey, and the journey names intake.
     */
    @Test
    void aForgedWebhookIsAnIntakeFault() throws Exception {
        RoutingWorkspace workspace = RoutingWorkspace.create(twilio, "Forged webhook fault");
        TaskQueue queue = workspace.queue("Support");
        Workflow workflow = workspace.workflow("Messaging", "channel == 'sms'", queue.getSid(), queue.getSid(),
                null, null);
        String number = mapNumber(workspace, workflow, queue.getSid());
        String messageSid = SignedSms.newMessageSid();

        HttpResponse<String> refused = SignedSms.send(suite, http, messageSid, SignedSms.randomNumber(), number,
                "send me the code", false);
        assertEquals(403, refused.statusCode(), refused.body());

        JsonNode journey = journeys.until(messageSid, "intake.refused", j -> has(j, "intake.refused"));
        assertEquals("bad-signature", events(journey, "intake.refused").get(0).path("data").path("reason")
                .asText(), pretty(journey));
        assertAttributed(journey, "intake", "webhook-refused", List.of("webhook-refused"));
        assertFalse(has(journey, "interaction.created"), pretty(journey));
    }

    /**
     * Twilio retries a webhook whose answer it did not get: the same message arrives twice, signed. The repeat is
     * refused (one interaction, one task), and the journey names intake, whose first answer was late.
     */
    @Test
    void aRepeatedWebhookIsAnIntakeFaultWithOneTask() throws Exception {
        RoutingWorkspace workspace = RoutingWorkspace.create(twilio, "Repeated webhook fault");
        TaskQueue queue = workspace.queue("Support");
        Workflow workflow = workspace.workflow("Messaging", "channel == 'sms'", queue.getSid(), queue.getSid(),
                null, null);
        String number = mapNumber(workspace, workflow, queue.getSid());
        String messageSid = SignedSms.newMessageSid();
        String customer = SignedSms.randomNumber();
        for (int delivery = 1; delivery <= 2; delivery++) {
            HttpResponse<String> answer = SignedSms.send(suite, http, messageSid, customer, number, "where is my"
                    + " parcel?", true);
            assertEquals(200, answer.statusCode(), "delivery " + delivery + ": " + answer.body());
        }

        String interaction = workspace.interactionOf(workspace.onlyTask().getSid());
        JsonNode journey = journeys.until(interaction, "intake.refused and task-queue.entered",
                j -> has(j, "intake.refused") && has(j, "task-queue.entered"));
        JsonNode repeat = events(journey, "intake.refused").get(0);
        assertEquals("duplicate", repeat.path("data").path("reason").asText(), pretty(journey));
        assertEquals(messageSid, repeat.path("data").path("message_sid").asText(), pretty(journey));
        assertEquals(1, events(journey, "task.created").size(), pretty(journey));
        assertAttributed(journey, "intake", "duplicate-webhook", List.of("duplicate-webhook"));
    }

    /**
     * The filter's target admits only French speakers, and the queue's one worker, free on shift, speaks none: the
     * task waits although an agent is free, and the customer gives up (the task is canceled). task-router counts the
     * free worker on the cancellation; the journey names routing.
     */
    @Test
    void aCustomerWhoLeavesWhileAnAgentIsFreeIsARoutingFault() throws Exception {
        RoutingWorkspace workspace = RoutingWorkspace.create(twilio, "Abandoned while free fault");
        TaskQueue queue = workspace.queue("Support");
        Workflow workflow = workspace.workflow("French", "channel == 'sms'", queue.getSid(),
                "worker.languages HAS 'fr'", queue.getSid(), null, null);
        workspace.workerOnShift("agent");
        String number = mapNumber(workspace, workflow, queue.getSid());
        textIn(number);
        com.twilio.rest.taskrouter.v1.workspace.Task task = workspace.onlyTask();
        String interaction = workspace.interactionOf(task.getSid());
        journeys.until(interaction, "task-queue.entered", j -> has(j, "task-queue.entered"));

        com.twilio.rest.taskrouter.v1.workspace.Task.updater(workspace.sid(), task.getSid())
                .setAssignmentStatus(com.twilio.rest.taskrouter.v1.workspace.Task.Status.CANCELED)
                .setReason("customer left").update(twilio);

        JsonNode journey = journeys.until(interaction, "task.canceled", j -> has(j, "task.canceled"));
        assertEquals(1, events(journey, "task.canceled").get(0).path("data").path("available_workers").asInt(),
                pretty(journey));
        assertAttributed(journey, "routing", "abandoned-while-free", List.of("abandoned-while-free"));
    }

    /**
     * The workflow's only filter matches no SMS, so its default filter places the task in B, while the number
     * expects A: the workflow failed to route it as intended (routing), and the default placement is listed.
     */
    @Test
    void aTaskTheDefaultFilterPlacedAwayFromItsExpectedQueueIsARoutingFault() throws Exception {
        RoutingWorkspace workspace = RoutingWorkspace.create(twilio, "Default filter fault");
        TaskQueue expected = workspace.queue("Support");
        TaskQueue overflow = workspace.queue("Overflow");
        Workflow workflow = workspace.workflow("Voice", "channel == 'voice'", expected.getSid(),
                overflow.getSid(), null, null);
        String number = mapNumber(workspace, workflow, expected.getSid());
        textIn(number);

        String interaction = workspace.interactionOf(workspace.onlyTask().getSid());
        JsonNode journey = journeys.until(interaction, "task-queue.entered",
                j -> has(j, "task-queue.entered"));

        JsonNode entered = events(journey, "task-queue.entered").get(0);
        assertEquals(overflow.getSid(), entered.path("data").path("task_queue_sid").asText(), pretty(journey));
        assertEquals("default_filter", entered.path("data").path("filter").asText(), pretty(journey));
        assertAttributed(journey, "routing", "expected-queue-missed",
                List.of("expected-queue-missed", "default-filter"));
    }

    /**
     * A worker on shift is offered the task and goes off shift while the reservation is pending, without
     * {@code RejectPendingReservations}: as in Twilio, the pending reservation stays, nobody answers, and it times
     * out after the workflow's {@code TaskReservationTimeout}: a routing fault.
     */
    @Test
    void aReservationNobodyAnswersIsARoutingFault() throws Exception {
        RoutingWorkspace workspace = RoutingWorkspace.create(twilio, "Reservation timeout fault");
        TaskQueue queue = workspace.queue("Support");
        Workflow workflow = workspace.workflow("Messaging", "channel == 'sms'", queue.getSid(), queue.getSid(),
                null, 5);
        Worker agent = workspace.workerOnShift("agent");
        String number = mapNumber(workspace, workflow, queue.getSid());
        textIn(number);

        Reservation offered = workspace.pendingReservation(agent.getSid());
        workspace.takeOffShift(agent.getSid());
        String interaction = workspace.interactionOf(offered.getTaskSid());
        JsonNode journey = journeys.until(interaction, "reservation.timeout", j -> has(j, "reservation.timeout"));

        Set<String> timedOut = events(journey, "reservation.timeout").stream()
                .map(e -> e.path("data").path("reservation_sid").asText()).collect(Collectors.toSet());
        assertTrue(timedOut.contains(offered.getSid()), "the offered reservation timed out: " + pretty(journey));
        assertAttributed(journey, "routing", "reservation-timeout", List.of("reservation-timeout"));
    }

    /**
     * The workflow's assignment callback answers 500: the callback fails, so the reservation is never decided and
     * times out. The fault is the customer's webhook, not routing: the timeout must not be reported as
     * {@code reservation-timeout}. The anomaly listing finds the interaction by its rule.
     */
    @Test
    void aFailingAssignmentCallbackIsAWebhookFaultNotAReservationTimeout() throws Exception {
        Instant testStart = Instant.now();
        try (FailingCallbackServer callbackServer = new FailingCallbackServer()) {
            RoutingWorkspace workspace = RoutingWorkspace.create(twilio, "Webhook fault");
            TaskQueue queue = workspace.queue("Support");
            // long enough for the callback to fail first, short enough that the reservation times out in the test
            Workflow workflow = workspace.workflow("Messaging", "channel == 'sms'", queue.getSid(), queue.getSid(),
                    callbackServer.url(), 8);
            Worker agent = workspace.workerOnShift("agent");
            try {
                String number = mapNumber(workspace, workflow, queue.getSid());
                textIn(number);

                Reservation offered = workspace.pendingReservation(agent.getSid());
                String interaction = workspace.interactionOf(offered.getTaskSid());
                JsonNode journey = journeys.until(interaction, "callback.failed and the reservation.timeout it caused",
                        j -> has(j, "callback.failed") && events(j, "reservation.timeout").stream().anyMatch(e ->
                                offered.getSid().equals(e.path("data").path("reservation_sid").asText())));

                assertTrue(callbackServer.requests() > 0, "the assignment callback was called");
                JsonNode failed = events(journey, "callback.failed").get(0).path("data");
                assertEquals("assignment", failed.path("kind").asText(), pretty(journey));
                assertEquals(offered.getSid(), failed.path("reservation_sid").asText(), pretty(journey));
                assertEquals(callbackServer.host(), failed.path("host").asText(), pretty(journey));
                assertEquals(500, failed.path("status").asInt(), pretty(journey));
                assertEquals("callback-http-500", failed.path("failure").asText(), pretty(journey));
                assertAttributed(journey, "webhook", "callback-failed", List.of("callback-failed"));

                JsonNode listed = journeys.withAnomaly("callback-failed", testStart);
                JsonNode ours = StreamSupport.stream(listed.path("interactions").spliterator(), false)
                        .filter(i -> interaction.equals(i.path("interaction_id").asText())).findFirst()
                        .orElseThrow(() -> new AssertionError("interaction " + interaction + " is not listed with"
                                + " anomaly callback-failed since " + testStart + ": " + pretty(listed)));
                assertEquals("webhook", ours.path("stage").asText(), pretty(listed));
                assertEquals("callback-failed", ours.path("rule").asText(), pretty(listed));
                assertFalse(ids(ours.path("anomalies")).contains("reservation-timeout"), pretty(listed));
            } finally {
                // the timed-out task would be offered to the agent again, and fail again, every 8 s
                workspace.takeOffShift(agent.getSid());
            }
        }
    }

    /**
     * Routing works and the agent accepts, but the CRM answers later than its own timeout (2 s in agent-context's
     * configuration): neither the prefetch on {@code reservation.created} nor the agent's read gets the profile,
     * and the read (budget 200 ms) reports the CRM source as timed out. A CRM fault; the journey also carries the
     * services' spans, among them agent-context's spans of the crm stage.
     */
    @Test
    void aContextReadTheCrmCannotAnswerInTimeIsACrmFault() throws Exception {
        RoutingWorkspace workspace = RoutingWorkspace.create(twilio, "CRM fault");
        TaskQueue queue = workspace.queue("Support");
        Workflow workflow = workspace.workflow("Messaging", "channel == 'sms'", queue.getSid(), queue.getSid(),
                null, null);
        Worker agent = workspace.workerOnShift("agent");
        String number = mapNumber(workspace, workflow, queue.getSid());
        // slower than the source's own 2 s timeout, so a prefetch cannot warm the cache before the read either
        suite.crm().setLatency(Duration.ofMillis(3000));
        JsonNode context;
        try {
            textIn(number);
            Reservation offered = workspace.pendingReservation(agent.getSid());
            Reservation.updater(workspace.sid(), agent.getSid(), offered.getSid())
                    .setReservationStatus(Reservation.Status.ACCEPTED).update(twilio);
            // 404 until agent-context's view has the task: read again until the read is answered
            context = await("agent " + agent.getSid() + " reads the context of " + offered.getTaskSid())
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(
                                suite.url("agent-context") + "/v1/tasks/" + offered.getTaskSid()
                                        + "/context?budget_ms=200"))
                                .header("Authorization", "Bearer " + suite.token("agent", agent.getSid())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return read.statusCode() == 200 ? Journeys.JSON.readTree(read.body()) : null;
                    }, body -> body != null);
            String interaction = workspace.interactionOf(offered.getTaskSid());
            JsonNode crmSource = StreamSupport.stream(context.path("sources").spliterator(), false)
                    .filter(s -> "demo-crm".equals(s.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no demo-crm source in " + pretty(context)));
            assertEquals("timeout", crmSource.path("status").asText(), pretty(context));
            assertTrue(context.path("partial").asBoolean(), pretty(context));

            JsonNode journey = journeys.until(interaction, "context.served and crm-stage spans",
                    j -> has(j, "context.served") && StreamSupport.stream(j.path("spans").spliterator(), false)
                            .anyMatch(s -> "crm".equals(s.path("stage").asText())));

            assertAttributed(journey, "crm", "context-failed", List.of("context-failed"));
            assertFalse(journey.path("spans").isEmpty(), "the journey holds the services' spans");
            assertFalse(journey.path("attribution").path("span_ids").isEmpty(),
                    "crm-stage spans of the read's trace are the finding's span evidence: " + pretty(journey));
        } finally {
            suite.crm().reset();
        }
    }

    /** Maps a fresh number of ours to the workflow, expecting {@code expectedQueueSid}; answers the number. */
    private String mapNumber(RoutingWorkspace workspace, Workflow workflow, String expectedQueueSid)
            throws Exception {
        String number = SignedSms.randomNumber();
        String body = "{\"workspace_sid\":\"" + workspace.sid() + "\",\"workflow_sid\":\"" + workflow.getSid()
                + "\",\"region\":\"local\",\"expected_queue_sid\":\"" + expectedQueueSid + "\"}";
        HttpResponse<String> mapped = http.send(HttpRequest.newBuilder(URI.create(suite.url("channel-gateway")
                + "/v1/numbers/" + URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + suite.token("admin", null))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, mapped.statusCode(), "mapping " + number + ": " + mapped.body());
        return number;
    }

    /** A fresh customer texts our number, through the signed webhook. */
    private void textIn(String number) throws Exception {
        HttpResponse<String> webhook = SignedSms.send(suite, http, SignedSms.randomNumber(), number,
                "hello, I need help");
        assertEquals(200, webhook.statusCode(), webhook.body());
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
