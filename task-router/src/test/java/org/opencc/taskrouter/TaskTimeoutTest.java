package org.opencc.taskrouter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * A task's {@code Timeout} (TTL): a task still pending or reserved that many seconds after its creation is canceled
 * with the reason "Task TTL Exceeded"; an assigned task is never expired. {@code Timeout} is 1 to 1,209,600.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class TaskTimeoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUPPORT = "{\"skills\":[\"support\"]}";
    private static final String SMS = "{\"channel\":\"sms\"}";
    private static final String TTL_EXCEEDED = "Task TTL Exceeded";
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPendingTaskOutlivingItsTimeoutIsCanceledWithTaskTtlExceeded() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        try (CallbackEndpoint endpoint = new CallbackEndpoint()) {
            String ws = Workspace.creator("ttl-" + UUID.randomUUID()).setEventCallbackUrl(endpoint.url("/events"))
                    .setEventsFilter("task.canceled").create(fixtures.client).getSid();
            TaskQueue queue = TaskQueue.creator(ws, "Support").setTargetWorkers("skills HAS 'support'")
                    .create(fixtures.client);
            Workflow workflow = Workflow.creator(ws, "Routing", "{\"task_routing\":{\"filters\":[],"
                    + "\"default_filter\":{\"queue\":\"" + queue.getSid() + "\"}}}").create(fixtures.client);
            Task task = Task.creator(ws).setWorkflowSid(workflow.getSid()).setAttributes(SMS).setTimeout(1)
                    .create(fixtures.client);
            assertEquals(Integer.valueOf(1), task.getTimeout());
            assertEquals(Task.Status.PENDING, task.getAssignmentStatus(), "nobody in the queue");

            Task canceled = awaitCanceled(fixtures, ws, task.getSid());

            assertEquals(TTL_EXCEEDED, canceled.getReason());
            JsonNode event = canceledEvent(task.getSid());
            assertEquals(TTL_EXCEEDED, event.get("reason").asText());
            assertEquals(queue.getSid(), event.get("task_queue_sid").asText());
            assertTrue(event.get("available_workers").isInt(), "a waiting task's queue count: " + event);
            assertEquals(0, event.get("available_workers").asInt());
            Map<String, String> callback = await().atMost(DEADLINE).until(() -> endpoint.received("/events")
                    .stream().map(CallbackEndpoint.Received::params)
                    .filter(p -> task.getSid().equals(p.get("TaskSid"))).findFirst().orElse(null), p -> p != null);
            assertEquals("task.canceled", callback.get("EventType"));
            assertEquals(TTL_EXCEEDED, callback.get("TaskCanceledReason"));
        }
    }

    @Test
    void aReservedTaskOutlivingItsTimeoutIsCanceledWithItsReservationAndTheWorkerGetsTheNextTask()
            throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", SUPPORT, true);
        Task task = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).setTimeout(1)
                .create(fixtures.client);
        assertEquals(Task.Status.RESERVED, task.getAssignmentStatus(), "offered to alice, her one sms slot");
        Reservation offered = Reservation.reader(ws, alice.getSid()).read(fixtures.client).iterator().next();
        assertEquals(task.getSid(), offered.getTaskSid());

        Task canceled = awaitCanceled(fixtures, ws, task.getSid());

        assertEquals(TTL_EXCEEDED, canceled.getReason());
        assertEquals(Reservation.Status.CANCELED, Reservation.fetcher(ws, alice.getSid(), offered.getSid())
                .fetch(fixtures.client).getReservationStatus());
        JsonNode event = canceledEvent(task.getSid());
        assertEquals(TTL_EXCEEDED, event.get("reason").asText());
        assertEquals(0, event.get("available_workers").asInt(-1), "alice held the reservation");
        // her sms slot was given back: the next task is offered to her
        Task next = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).create(fixtures.client);
        assertEquals(Task.Status.RESERVED, next.getAssignmentStatus());
        Reservation nextOffer = Reservation.reader(ws, alice.getSid()).setReservationStatus(Reservation.Status.PENDING)
                .read(fixtures.client).iterator().next();
        assertEquals(next.getSid(), nextOffer.getTaskSid());
    }

    @Test
    void anAssignedTaskIsNeverExpired() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", SUPPORT, true);
        // long enough to be accepted before it is due
        Task assigned = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).setTimeout(4)
                .create(fixtures.client);
        Reservation reservation = Reservation.reader(ws, alice.getSid()).read(fixtures.client).iterator().next();
        Reservation.updater(ws, alice.getSid(), reservation.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED).update(fixtures.client);
        assertEquals(Task.Status.ASSIGNED, fetch(fixtures, ws, assigned.getSid()).getAssignmentStatus());
        // the marker: created later with the same timeout, so due later; alice is busy, so it stays pending
        Task marker = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).setTimeout(4)
                .create(fixtures.client);
        assertEquals(Task.Status.PENDING, marker.getAssignmentStatus());

        assertEquals(TTL_EXCEEDED, awaitCanceled(fixtures, ws, marker.getSid()).getReason());

        Task after = fetch(fixtures, ws, assigned.getSid());
        assertEquals(Task.Status.ASSIGNED, after.getAssignmentStatus(), "its timeout passed before the marker's");
        assertFalse(TTL_EXCEEDED.equals(after.getReason()));
        assertEquals(Reservation.Status.ACCEPTED, Reservation.fetcher(ws, alice.getSid(), reservation.getSid())
                .fetch(fixtures.client).getReservationStatus());
    }

    @Test
    void aTimeoutOutsideOneSecondToTwoWeeksIsA400NamingTimeout() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        for (String timeout : new String[] {"0", "1209601"}) {
            given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                    .contentType("application/x-www-form-urlencoded").formParam("WorkflowSid", setup.workflowSid())
                    .formParam("Attributes", SMS).formParam("Timeout", timeout)
                    .post("/v1/Workspaces/" + setup.workspaceSid() + "/Tasks")
                    .then().statusCode(400).contentType("application/json")
                    .body("code", is(20001))
                    .body("status", is(400))
                    .body("message", containsString("Timeout"));
        }
        assertFalse(Task.reader(setup.workspaceSid()).read(fixtures.client).iterator().hasNext(),
                "nothing created");
        Task longest = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid()).setAttributes(SMS)
                .setTimeout(1_209_600).create(fixtures.client);
        assertEquals(Integer.valueOf(1_209_600), longest.getTimeout(), "two weeks is allowed");
    }

    private static Task awaitCanceled(RouterFixtures fixtures, String ws, String taskSid) {
        return await().atMost(DEADLINE).until(() -> fetch(fixtures, ws, taskSid),
                t -> t.getAssignmentStatus() == Task.Status.CANCELED);
    }

    private static Task fetch(RouterFixtures fixtures, String ws, String taskSid) {
        return Task.fetcher(ws, taskSid).fetch(fixtures.client);
    }

    private static JsonNode canceledEvent(String taskSid) throws Exception {
        return JSON.readTree(TopicReader.recordsOfType(Topics.TASKS, taskSid, TaskCanceled.TYPE, 1).get(0).value());
    }
}
