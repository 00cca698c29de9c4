package org.opencc.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.taskqueue.TaskQueueRealTimeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.process.LocalSuite;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * task-router's TaskRouter Statistics and reporting-service's live queue view compute from the same definitions
 * (routing-core's {@code LiveDefinitions}): one sequence of tasks, driven through task-router's API with the Twilio
 * SDK, gives both the same numbers — tasks by status, the longest wait, the available workers.
 */
class LiveStatisticsAgreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSuite suite;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSuite() throws Exception {
        suite = LocalSuite.start(Path.of(System.getProperty("cc.repository.root", "..")), "stats",
                List.of("task-router", "reporting-service"));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void taskRoutersStatisticsAndTheWallboardsQueueViewAgree() throws Exception {
        TwilioRestClient twilio = TwilioClients.forBaseUrl(suite.url("task-router"), suite.routerAccountSid,
                suite.routerAuthToken);
        OneQueueWorkspace workspace = OneQueueWorkspace.create(twilio, "Statistics");
        Worker agent = workspace.worker("agent", true);
        workspace.worker("away", false);
        for (int i = 0; i < 3; i++) {
            Task.creator(workspace.sid()).setWorkflowSid(workspace.workflow().getSid())
                    .setAttributes("{\"n\":" + i + "}").create(twilio);
        }
        // one reserved to the only agent on shift (capacity 1), two pending
        // the agent on shift is available (its activity), whatever its capacity holds; the other is not
        agree(twilio, workspace, Map.of("pending", 2, "reserved", 1, "assigned", 0, "available_workers", 1));

        Reservation pending = workspace.pendingReservation(agent.getSid());
        Reservation.updater(workspace.sid(), agent.getSid(), pending.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED).update(twilio);
        agree(twilio, workspace, Map.of("pending", 2, "reserved", 0, "assigned", 1, "available_workers", 1));
    }

    /**
     * Waits for reporting to have folded the events (task events and worker events come on two topics, each
     * consumed at its own pace), then compares every shared number with task-router's.
     */
    private void agree(TwilioRestClient twilio, OneQueueWorkspace workspace, Map<String, Integer> expected) {
        String queue = workspace.queue().getSid();
        JsonNode live = await().atMost(Duration.ofSeconds(30)).until(() -> liveQueue(workspace.sid(), queue),
                q -> q != null && expected.entrySet().stream()
                        .allMatch(e -> e.getValue() == q.path(e.getKey()).asInt()));
        TaskQueueRealTimeStatistics router = TaskQueueRealTimeStatistics.fetcher(workspace.sid(), queue)
                .fetch(twilio);
        @SuppressWarnings("unchecked")
        Map<String, Object> byStatus = (Map<String, Object>) router.getTasksByStatus();
        for (String status : List.of("pending", "reserved", "assigned")) {
            assertEquals(((Number) byStatus.get(status)).intValue(), live.path(status).asInt(),
                    status + ": task-router " + byStatus + ", reporting " + live);
        }
        assertEquals(router.getTotalAvailableWorkers().intValue(), live.path("available_workers").asInt(),
                "available workers");
        // the two were read a moment apart: the same age, give or take the second between the reads
        long routerAge = router.getLongestRelativeTaskAgeInQueue();
        long liveAge = live.path("longest_waiting_seconds").asLong();
        assertTrue(Math.abs(routerAge - liveAge) <= 2, "longest wait: task-router " + routerAge + " s, reporting "
                + liveAge + " s");
    }

    private JsonNode liveQueue(String workspaceSid, String queueSid) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.url("reporting-service")
                + "/v1/queues/live?workspace_sid=" + workspaceSid))
                .header("Authorization", "Bearer " + suite.token("supervisor", null)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        for (JsonNode queue : JSON.readTree(response.body()).path("queues")) {
            if (queueSid.equals(queue.path("task_queue_sid").asText())) {
                return queue;
            }
        }
        return null;
    }
}
