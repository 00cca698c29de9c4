package org.opencc.taskrouter.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.WorkspaceCumulativeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.WorkspaceRealTimeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.WorkspaceStatistics;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import com.twilio.rest.taskrouter.v1.workspace.taskqueue.TaskQueueCumulativeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.taskqueue.TaskQueueRealTimeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.taskqueue.TaskQueueStatistics;
import com.twilio.rest.taskrouter.v1.workspace.taskqueue.TaskQueuesStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkersCumulativeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkersRealTimeStatistics;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkersStatistics;
import com.twilio.rest.taskrouter.v1.workspace.workflow.WorkflowStatistics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * Statistics through the official SDK, on a workspace with a known history: one task completed, one canceled, one
 * rejected then reserved again, one reserved, one pending. Timestamps are then moved to known moments in the
 * database, so every duration is an exact number.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class StatisticsSdkTest {
    static final String ACCOUNT_SID = "ACtest00000000000000000000000000000";
    static final String AUTH_TOKEN = "test-token";

    @TestHTTPResource("/")
    URL base;

    /** The scene every test builds. */
    record Scene(TwilioRestClient client, String ws, String queue, String workflow, String alice, String carol,
            String completed, String canceled, String oldest, String reserved, String pending) {}

    @Test
    void workspaceRealTimeStatisticsCountTasksByStatusWorkersByActivityAndTheLongestWaitingTask() throws Exception {
        Scene s = scene();
        WorkspaceRealTimeStatistics rt = WorkspaceRealTimeStatistics.fetcher(s.ws()).fetch(s.client());
        assertEquals(Map.of("pending", 1, "reserved", 2, "assigned", 0, "wrapping", 0, "completed", 1,
                "canceled", 1), rt.getTasksByStatus());
        assertEquals(5, rt.getTotalTasks());
        assertEquals(Map.of("0", 2, "5", 1), rt.getTasksByPriority());
        assertEquals(4, rt.getTotalWorkers());
        assertEquals(Map.of("Offline", 1, "Available", 3, "Unavailable", 0), byActivity(rt.getActivityStatistics()));
        assertEquals(s.oldest(), rt.getLongestTaskWaitingSid());
        assertBetween(300, 330, rt.getLongestTaskWaitingAge());
        assertEquals(s.ws(), rt.getWorkspaceSid());
        assertTrue(rt.getUrl().toString().endsWith("/v1/Workspaces/" + s.ws() + "/RealTimeStatistics"));

        WorkspaceRealTimeStatistics voice = WorkspaceRealTimeStatistics.fetcher(s.ws()).setTaskChannel("voice")
                .fetch(s.client());
        assertEquals(0, voice.getTotalTasks());
        assertNull(voice.getLongestTaskWaitingSid());
    }

    @Test
    void taskQueueRealTimeStatisticsCountTheQueuesTasksAndMembers() throws Exception {
        Scene s = scene();
        TaskQueueRealTimeStatistics rt = TaskQueueRealTimeStatistics.fetcher(s.ws(), s.queue()).fetch(s.client());
        assertEquals(5, rt.getTotalTasks());
        assertEquals(3, rt.getTotalEligibleWorkers(), "alice, bob and carol have the skill; erin does not");
        assertEquals(2, rt.getTotalAvailableWorkers());
        assertEquals(Map.of("Offline", 1, "Available", 2, "Unavailable", 0), byActivity(rt.getActivityStatistics()));
        assertEquals(s.oldest(), rt.getLongestTaskWaitingSid());
        assertEquals(s.reserved(), rt.getLongestRelativeTaskSidInQueue());
        assertBetween(600, 630, rt.getLongestRelativeTaskAgeInQueue());
        assertEquals(s.queue(), rt.getTaskQueueSid());
    }

    @Test
    void cumulativeStatisticsCountReservationsAndTasksAndMeasureWaits() throws Exception {
        Scene s = scene();
        TaskQueueCumulativeStatistics q = TaskQueueCumulativeStatistics.fetcher(s.ws(), s.queue()).setMinutes(60)
                .setSplitByWaitTime("45,90").fetch(s.client());
        assertEquals(5, q.getReservationsCreated());
        assertEquals(1, q.getReservationsAccepted());
        assertEquals(1, q.getReservationsRejected());
        assertEquals(1, q.getReservationsCanceled());
        assertEquals(0, q.getReservationsTimedOut());
        assertEquals(0, q.getReservationsRescinded());
        assertEquals(5, q.getTasksEntered());
        assertEquals(1, q.getTasksCompleted());
        assertEquals(1, q.getTasksCanceled());
        assertEquals(0, q.getTasksDeleted());
        assertEquals(60, q.getAvgTaskAcceptanceTime());
        assertEquals(durations(60, 60, 60, 60), q.getWaitDurationUntilAccepted());
        assertEquals(durations(50, 50, 50, 50), q.getWaitDurationInQueueUntilAccepted());
        assertEquals(durations(30, 30, 30, 30), q.getWaitDurationUntilCanceled());
        assertEquals(Map.of(
                "45", Map.of("above", Map.of("reservations_accepted", 1, "tasks_canceled", 0),
                        "below", Map.of("reservations_accepted", 0, "tasks_canceled", 1)),
                "90", Map.of("above", Map.of("reservations_accepted", 0, "tasks_canceled", 0),
                        "below", Map.of("reservations_accepted", 1, "tasks_canceled", 1))), q.getSplitByWaitTime());
        assertEquals(60, java.time.Duration.between(q.getStartTime(), q.getEndTime()).toMinutes());

        WorkspaceCumulativeStatistics w = WorkspaceCumulativeStatistics.fetcher(s.ws()).fetch(s.client());
        assertEquals(15, java.time.Duration.between(w.getStartTime(), w.getEndTime()).toMinutes(), "default window");
        assertEquals(5, w.getReservationsCreated());
        assertEquals(5, w.getTasksCreated(), "the task created 100 s ago is still inside 15 minutes");
        assertEquals(60, w.getAvgTaskAcceptanceTime());
        assertNull(w.getSplitByWaitTime());

        ZonedDateTime yesterday = ZonedDateTime.now(ZoneOffset.UTC).minusDays(1);
        WorkspaceCumulativeStatistics before = WorkspaceCumulativeStatistics.fetcher(s.ws())
                .setStartDate(yesterday.minusHours(1)).setEndDate(yesterday).fetch(s.client());
        assertEquals(0, before.getReservationsCreated());
        assertEquals(0, before.getTasksCreated());
        assertEquals(durations(0, 0, 0, 0), before.getWaitDurationUntilAccepted());
        assertEquals(yesterday.truncatedTo(ChronoUnit.SECONDS).toInstant(), before.getEndTime().toInstant());
    }

    @Test
    void combinedWorkerAndWorkflowStatisticsAgreeWithTheirParts() throws Exception {
        Scene s = scene();
        WorkspaceStatistics all = WorkspaceStatistics.fetcher(s.ws()).setMinutes(60).fetch(s.client());
        assertEquals(5, ((Map<?, ?>) all.getRealtime()).get("total_tasks"));
        assertEquals(4, ((Map<?, ?>) all.getRealtime()).get("total_workers"));
        assertEquals(1, ((Map<?, ?>) all.getCumulative()).get("tasks_completed"));

        TaskQueueStatistics queue = TaskQueueStatistics.fetcher(s.ws(), s.queue()).setMinutes(60).fetch(s.client());
        assertEquals(3, ((Map<?, ?>) queue.getRealtime()).get("total_eligible_workers"));
        assertEquals(5, ((Map<?, ?>) queue.getCumulative()).get("tasks_entered"));

        List<TaskQueuesStatistics> queues = new ArrayList<>();
        TaskQueuesStatistics.reader(s.ws()).setMinutes(60).read(s.client()).forEach(queues::add);
        assertEquals(1, queues.size());
        assertEquals(s.queue(), queues.get(0).getTaskQueueSid());
        assertEquals(1, ((Map<?, ?>) queues.get(0).getCumulative()).get("reservations_rejected"));

        WorkersRealTimeStatistics workers = WorkersRealTimeStatistics.fetcher(s.ws()).fetch(s.client());
        assertEquals(4, workers.getTotalWorkers());
        WorkersCumulativeStatistics workersCumulative = WorkersCumulativeStatistics.fetcher(s.ws()).setMinutes(60)
                .fetch(s.client());
        assertEquals(5, workersCumulative.getReservationsCreated());
        assertEquals(3, workersCumulative.getActivityDurations().size());
        WorkersStatistics members = WorkersStatistics.fetcher(s.ws()).setTaskQueueSid(s.queue()).fetch(s.client());
        assertEquals(3, ((Map<?, ?>) members.getRealtime()).get("total_workers"));

        WorkerStatistics carol = WorkerStatistics.fetcher(s.ws(), s.carol()).setMinutes(60).fetch(s.client());
        assertEquals(0, ((Map<?, ?>) carol.getCumulative()).get("reservations_created"), "carol is offline");
        WorkerStatistics alice = WorkerStatistics.fetcher(s.ws(), s.alice()).setMinutes(60).fetch(s.client());
        int aliceCreated = (Integer) ((Map<?, ?>) alice.getCumulative()).get("reservations_created");
        assertTrue(aliceCreated >= 2, "alice and bob share five reservations, at least two each");

        WorkflowStatistics flow = WorkflowStatistics.fetcher(s.ws(), s.workflow()).setMinutes(60).fetch(s.client());
        assertEquals(5, ((Map<?, ?>) flow.getRealtime()).get("total_tasks"));
        assertEquals(s.oldest(), ((Map<?, ?>) flow.getRealtime()).get("longest_task_waiting_sid"));
        assertEquals(5, ((Map<?, ?>) flow.getCumulative()).get("tasks_created"));
    }

    @Test
    void badWindowsAre400sNamingTheParameterAndUnknownQueuesA404() {
        String ws = Workspace.creator("ws-" + UUID.randomUUID()).create(client()).getSid();
        String cumulative = "/v1/Workspaces/" + ws + "/CumulativeStatistics";
        expect400(cumulative + "?Minutes=abc", "Minutes");
        expect400(cumulative + "?Minutes=0", "Minutes");
        expect400(cumulative + "?Minutes=10&StartDate=2024-01-01T00:00:00Z", "Minutes");
        expect400(cumulative + "?StartDate=yesterday", "StartDate");
        expect400(cumulative + "?EndDate=2024-13-01T00:00:00", "EndDate");
        expect400(cumulative + "?StartDate=2024-01-02T00:00:00Z&EndDate=2024-01-01T00:00:00Z", "StartDate");
        expect400(cumulative + "?SplitByWaitTime=ten", "SplitByWaitTime");
        expect400("/v1/Workspaces/" + ws + "/RealTimeStatistics?TaskChannel=fax", "TaskChannel");
        String unknownQueue = "WQ00000000000000000000000000000000";
        ApiException e = assertThrows(ApiException.class, () -> TaskQueueCumulativeStatistics.fetcher(ws,
                unknownQueue).fetch(client()));
        assertEquals(404, e.getStatusCode());
        assertEquals(20404, e.getCode());
        given().auth().preemptive().basic(ACCOUNT_SID, AUTH_TOKEN)
                .get("/v1/Workspaces/" + ws + "/TaskQueues/" + unknownQueue + "/RealTimeStatistics")
                .then().statusCode(404).body("code", is(20404));
        ApiException noWorkspace = assertThrows(ApiException.class, () -> WorkspaceRealTimeStatistics.fetcher(
                "WS00000000000000000000000000000000").fetch(client()));
        assertEquals(404, noWorkspace.getStatusCode());
    }

    private Scene scene() throws Exception {
        TwilioRestClient client = client();
        String ws = Workspace.creator("ws-" + UUID.randomUUID()).create(client).getSid();
        String available = Activity.reader(ws).setFriendlyName("Available").read(client).iterator().next().getSid();
        String queue = TaskQueue.creator(ws, "Support").setTargetWorkers("skills HAS 'support'").create(client)
                .getSid();
        String workflow = Workflow.creator(ws, "Routing", "{\"task_routing\":{\"filters\":[],\"default_filter\":"
                + "{\"queue\":\"" + queue + "\"}}}").setTaskReservationTimeout(600).create(client).getSid();
        String support = "{\"skills\":[\"support\"]}";
        String alice = Worker.creator(ws, "alice").setAttributes(support).setActivitySid(available).create(client)
                .getSid();
        Worker.creator(ws, "bob").setAttributes(support).setActivitySid(available).create(client);
        String carol = Worker.creator(ws, "carol").setAttributes(support).create(client).getSid();
        Worker.creator(ws, "erin").setAttributes("{\"skills\":[]}").setActivitySid(available).create(client);

        String completed = task(client, ws, workflow, 0);
        Reservation first = pending(client, ws, completed);
        Reservation.updater(ws, completed, first.getSid()).setReservationStatus(Reservation.Status.ACCEPTED)
                .update(client);
        Task.updater(ws, completed).setAssignmentStatus(Task.Status.COMPLETED).setReason("done").update(client);

        String canceled = task(client, ws, workflow, 0);
        pending(client, ws, canceled);
        Task.updater(ws, canceled).setAssignmentStatus(Task.Status.CANCELED).setReason("gone").update(client);

        String oldest = task(client, ws, workflow, 0);
        Reservation offered = pending(client, ws, oldest);
        Reservation.updater(ws, oldest, offered.getSid()).setReservationStatus(Reservation.Status.REJECTED)
                .update(client);
        pending(client, ws, oldest); // offered to the other worker
        String reserved = task(client, ws, workflow, 0);
        pending(client, ws, reserved);
        String pending = task(client, ws, workflow, 5);

        // known moments: accepted 60 s after creation (50 s after entering the queue), canceled after 30 s
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant base = now.minusSeconds(120);
        try (Connection c = PostgresDatabase.connect("task_router_test")) {
            update(c, "UPDATE task SET date_created = ?, queue_entered_at = ? WHERE sid = ?",
                    base.minusSeconds(100), base.minusSeconds(90), completed);
            update(c, "UPDATE worker_event SET created_at = ? WHERE type = 'reservation.accepted'"
                    + " AND payload::jsonb ->> 'reservation_sid' = ?", base.minusSeconds(40), first.getSid());
            update(c, "UPDATE task SET date_created = ?, date_updated = ? WHERE sid = ?",
                    base.minusSeconds(50), base.minusSeconds(20), canceled);
            update(c, "UPDATE task SET date_created = ? WHERE sid = ?", now.minusSeconds(300), oldest);
            update(c, "UPDATE task SET queue_entered_at = ? WHERE sid = ?", now.minusSeconds(600), reserved);
        }
        return new Scene(client, ws, queue, workflow, alice, carol, completed, canceled, oldest, reserved, pending);
    }

    private static String task(TwilioRestClient client, String ws, String workflow, int priority) {
        return Task.creator(ws).setWorkflowSid(workflow).setAttributes("{\"channel\":\"sms\"}").setPriority(priority)
                .create(client).getSid();
    }

    private static Reservation pending(TwilioRestClient client, String ws, String task) {
        return Reservation.reader(ws, task).setReservationStatus(Reservation.Status.PENDING).read(client)
                .iterator().next();
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i] instanceof Instant instant ? Timestamp.from(instant) : args[i]);
            }
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }

    private TwilioRestClient client() {
        String url = base.toString();
        return TwilioClients.forBaseUrl(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, ACCOUNT_SID,
                AUTH_TOKEN);
    }

    private static void expect400(String path, String parameter) {
        given().auth().preemptive().basic(ACCOUNT_SID, AUTH_TOKEN).get(path)
                .then().statusCode(400).body("code", is(20001)).body("message", containsString(parameter));
    }

    private static Map<String, Integer> byActivity(List<Object> statistics) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Object entry : statistics) {
            Map<?, ?> activity = (Map<?, ?>) entry;
            assertTrue(String.valueOf(activity.get("sid")).startsWith("WA"));
            counts.put((String) activity.get("friendly_name"), (Integer) activity.get("workers"));
        }
        return counts;
    }

    private static Map<String, Integer> durations(int avg, int min, int max, int total) {
        return Map.of("avg", avg, "min", min, "max", max, "total", total);
    }

    private static void assertBetween(int low, int high, Integer actual) {
        assertTrue(actual != null && actual >= low && actual <= high, actual + " not in " + low + ".." + high);
    }
}
