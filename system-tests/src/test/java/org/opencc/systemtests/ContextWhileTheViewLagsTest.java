package org.opencc.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.process.LocalSuite;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * agent-context authorizes context reads from its view of {@code cc.tasks.v1}. When that view lags (here: Kafka is
 * down, so task-router's events wait in its outbox), an agent just offered a task must still read its context:
 * agent-context confirms with task-router, using the agent's own token; a worker task-router knows nothing about
 * is still refused. When Kafka is back, the view catches up and the agent who rejected the task loses access.
 */
class ContextWhileTheViewLagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSuite suite;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSuite() throws Exception {
        suite = LocalSuite.start(Path.of(System.getProperty("cc.repository.root", "..")), "ctxlag",
                List.of("task-router", "agent-context"));
    }

    @AfterAll
    static void stopSuite() {
        KafkaBroker.shared().start(); // in case the test failed while it was stopped
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void anAgentOfferedTheTaskWhileTheViewLagsReadsItsContextAndOthersStillMayNot() throws Exception {
        TwilioRestClient twilio = TwilioClients.forBaseUrl(suite.url("task-router"), suite.routerAccountSid,
                suite.routerAuthToken);
        OneQueueWorkspace workspace = OneQueueWorkspace.create(twilio, "Lag");
        String ws = workspace.sid();
        Worker first = workspace.worker("first", true);
        String customerKey = "ck_" + UUID.randomUUID().toString().replace("-", "");
        Task task = Task.creator(ws).setWorkflowSid(workspace.workflow().getSid())
                .setAttributes("{\"customer_key\":\"" + customerKey + "\",\"channel\":\"sms\"}").create(twilio);

        Reservation offered = workspace.pendingReservation(first.getSid());
        assertEquals(task.getSid(), offered.getTaskSid());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(200, read(task.getSid(), first.getSid()).statusCode()));

        Worker second = workspace.worker("second", false);
        Worker stranger = workspace.worker("stranger", false);
        KafkaBroker.shared().stop();
        try {
            // the first agent rejects; the task goes to the second, whom agent-context's view has never seen
            Reservation.updater(ws, first.getSid(), offered.getSid())
                    .setReservationStatus(Reservation.Status.REJECTED).update(twilio);
            Worker.updater(ws, second.getSid()).setActivitySid(workspace.available().getSid()).update(twilio);
            workspace.pendingReservation(second.getSid());

            HttpResponse<String> confirmed = read(task.getSid(), second.getSid());
            assertEquals(200, confirmed.statusCode(), confirmed.body());
            JsonNode body = JSON.readTree(confirmed.body());
            assertEquals("ok", body.path("sources").get(0).path("status").asText(), confirmed.body());
            assertEquals(customerKey, body.path("customer").path("customer_key").asText(), confirmed.body());

            HttpResponse<String> refused = read(task.getSid(), stranger.getSid());
            assertEquals(403, refused.statusCode(), refused.body());
        } finally {
            KafkaBroker.shared().start();
        }
        // with the events delivered, the view knows the first agent rejected the task
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(403, read(task.getSid(), first.getSid()).statusCode()));
        assertEquals(200, read(task.getSid(), second.getSid()).statusCode());
    }

    private HttpResponse<String> read(String taskSid, String workerSid) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(suite.url("agent-context") + "/v1/tasks/" + taskSid
                + "/context?budget_ms=2000")).header("Authorization", "Bearer " + suite.token("agent", workerSid))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
