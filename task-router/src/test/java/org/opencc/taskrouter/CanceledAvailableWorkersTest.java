package org.opencc.taskrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * {@code task.canceled} says how many workers of the task's queue were free for its channel when a task nobody had
 * accepted was canceled (or deleted), not counting the worker holding its reservation; null once it was accepted.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class CanceledAvailableWorkersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUPPORT = "{\"skills\":[\"support\"]}";
    private static final String SMS = "{\"channel\":\"sms\"}";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPendingTaskCanceledCountsTheQueueMembersFreeOnItsChannel() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        // alice: in the queue and available, but her one sms slot holds the first task
        Worker alice = fixtures.worker(setup, "alice", SUPPORT, true);
        Task first = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).create(fixtures.client);
        assertEquals(Task.Status.RESERVED, first.getAssignmentStatus());
        // bob: in the queue, available, room on sms; he rejects the second task, so it is never offered to him again
        Worker bob = fixtures.worker(setup, "bob", SUPPORT, true);
        Task second = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).create(fixtures.client);
        Reservation offered = Reservation.reader(ws, bob.getSid()).setReservationStatus(Reservation.Status.PENDING)
                .read(fixtures.client).iterator().next();
        assertEquals(second.getSid(), offered.getTaskSid());
        Reservation.updater(ws, bob.getSid(), offered.getSid()).setReservationStatus(Reservation.Status.REJECTED)
                .update(fixtures.client);
        // carol: in the queue but offline; dave: available but not in the queue
        fixtures.worker(setup, "carol", SUPPORT, false);
        fixtures.worker(setup, "dave", "{\"skills\":[\"billing\"]}", true);
        // erin: in the queue and available, but her sms channel is off (her other channels are free)
        Worker erin = fixtures.worker(setup, "erin", SUPPORT, false);
        WorkerChannel.updater(ws, erin.getSid(), "sms").setAvailable(false).update(fixtures.client);
        Worker.updater(ws, erin.getSid()).setActivitySid(setup.availableActivitySid()).update(fixtures.client);
        assertEquals(Task.Status.PENDING, Task.fetcher(ws, second.getSid()).fetch(fixtures.client)
                .getAssignmentStatus());
        assertEquals(first.getSid(), Reservation.reader(ws, alice.getSid()).read(fixtures.client).iterator().next()
                .getTaskSid());

        Task.updater(ws, second.getSid()).setAssignmentStatus(Task.Status.CANCELED).setReason("customer left")
                .update(fixtures.client);

        JsonNode canceled = canceled(second.getSid());
        assertEquals(setup.queueSid(), canceled.get("task_queue_sid").asText());
        assertEquals("customer left", canceled.get("reason").asText());
        assertEquals(1, canceled.get("available_workers").asInt(-1), "only bob: alice full, carol offline, dave"
                + " outside the queue, erin's sms channel off");
        assertTrue(canceled.get("available_workers").isInt());
    }

    @Test
    void aPendingTaskDeletedWithNobodyFreeCountsZero() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        fixtures.worker(setup, "carol", SUPPORT, false);
        fixtures.worker(setup, "dave", "{\"skills\":[\"billing\"]}", true);
        Task task = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).create(fixtures.client);
        assertEquals(Task.Status.PENDING, task.getAssignmentStatus());
        assertEquals(setup.queueSid(), task.getTaskQueueSid());

        assertTrue(Task.deleter(ws, task.getSid()).delete(fixtures.client));

        JsonNode canceled = canceled(task.getSid());
        assertEquals("deleted", canceled.get("reason").asText());
        assertTrue(canceled.get("available_workers").isInt());
        assertEquals(0, canceled.get("available_workers").asInt());
    }

    @Test
    void aReservedTaskCanceledDoesNotCountTheWorkerHoldingItsReservation() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", SUPPORT, true);
        Task task = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).create(fixtures.client);
        assertEquals(Task.Status.RESERVED, task.getAssignmentStatus());
        assertEquals(task.getSid(), Reservation.reader(ws, alice.getSid()).setReservationStatus(
                Reservation.Status.PENDING).read(fixtures.client).iterator().next().getTaskSid());
        // bob comes on shift after the task was offered to alice: free, in the queue
        fixtures.worker(setup, "bob", SUPPORT, true);

        Task.updater(ws, task.getSid()).setAssignmentStatus(Task.Status.CANCELED).setReason("customer left")
                .update(fixtures.client);

        JsonNode canceled = canceled(task.getSid());
        assertEquals(1, canceled.get("available_workers").asInt(-1), "bob; alice held the reservation");
    }

    @Test
    void aReservedTaskDeletedDoesNotCountTheWorkerHoldingItsReservation() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        fixtures.worker(setup, "alice", SUPPORT, true);
        Task task = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).create(fixtures.client);
        assertEquals(Task.Status.RESERVED, task.getAssignmentStatus());

        assertTrue(Task.deleter(ws, task.getSid()).delete(fixtures.client));

        JsonNode canceled = canceled(task.getSid());
        assertTrue(canceled.get("available_workers").isInt());
        assertEquals(0, canceled.get("available_workers").asInt(), "alice held the reservation");
    }

    @Test
    void anAssignedTaskCanceledReportsNoCount() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", SUPPORT, true);
        Task task = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes(SMS).create(fixtures.client);
        Reservation reservation = Reservation.reader(ws, alice.getSid()).read(fixtures.client).iterator().next();
        Reservation.updater(ws, alice.getSid(), reservation.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED).update(fixtures.client);
        assertEquals(Task.Status.ASSIGNED, Task.fetcher(ws, task.getSid()).fetch(fixtures.client)
                .getAssignmentStatus());
        fixtures.worker(setup, "bob", SUPPORT, true);

        Task.updater(ws, task.getSid()).setAssignmentStatus(Task.Status.CANCELED).setReason("dropped")
                .update(fixtures.client);

        JsonNode canceled = canceled(task.getSid());
        assertEquals(setup.queueSid(), canceled.get("task_queue_sid").asText());
        assertTrue(canceled.has("available_workers"), "the field is there");
        assertTrue(canceled.get("available_workers").isNull(), "an accepted task was not abandoned");
    }

    private static JsonNode canceled(String taskSid) throws Exception {
        return JSON.readTree(TopicReader.recordsOfType(Topics.TASKS, taskSid, TaskCanceled.TYPE, 1).get(0).value());
    }
}
