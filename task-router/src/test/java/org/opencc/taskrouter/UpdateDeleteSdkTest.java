package org.opencc.taskrouter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** Updates and deletes of activities, queues, workflows, workers and tasks through the official SDK. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class UpdateDeleteSdkTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void activitiesAreRenamedListedAndDeletedOnlyWhenNothingUsesThem() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Activity lunch = Activity.creator(ws, "Lunch").setAvailable(false).create(fixtures.client);
        Activity renamed = Activity.updater(ws, lunch.getSid()).setFriendlyName("Break").update(fixtures.client);
        assertEquals("Break", renamed.getFriendlyName());
        assertFalse(renamed.getAvailable());
        assertEquals(RouterFixtures.ACCOUNT_SID, renamed.getAccountSid());
        assertEquals(ws, renamed.getWorkspaceSid());
        assertNotNull(renamed.getDateCreated());
        assertNotNull(renamed.getDateUpdated());
        assertNotNull(renamed.getUrl());
        assertTrue(renamed.getLinks().containsKey("workspace"));
        List<String> names = new ArrayList<>();
        Activity.reader(ws).pageSize(2).read(fixtures.client).forEach(a -> names.add(a.getFriendlyName()));
        assertEquals(4, names.size(), "auto-paging over two pages, nothing twice");
        assertEquals(Set.of("Offline", "Available", "Unavailable"), Set.copyOf(names.subList(0, 3)));
        assertEquals("Break", names.get(3));

        Worker carol = Worker.creator(ws, "carol").setActivitySid(lunch.getSid()).create(fixtures.client);
        ApiException inUse = assertThrows(ApiException.class, () -> Activity.deleter(ws, lunch.getSid())
                .delete(fixtures.client));
        assertEquals(400, inUse.getStatusCode());
        assertEquals(20001, inUse.getCode());
        String offline = Activity.reader(ws).setFriendlyName("Offline").read(fixtures.client).iterator().next()
                .getSid();
        Worker.updater(ws, carol.getSid()).setActivitySid(offline).update(fixtures.client);
        assertEquals(400, assertThrows(ApiException.class, () -> Activity.deleter(ws, offline)
                .delete(fixtures.client)).getStatusCode(), "the workspace default cannot go");
        assertTrue(Activity.deleter(ws, lunch.getSid()).delete(fixtures.client));
        assertEquals(404, assertThrows(ApiException.class, () -> Activity.fetcher(ws, lunch.getSid())
                .fetch(fixtures.client)).getStatusCode());
    }

    @Test
    void taskQueuesAreUpdatedListedAndDeletedOnlyWhenNoTaskWaitsInThem() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        TaskQueue billing = TaskQueue.creator(ws, "Billing").create(fixtures.client);
        TaskQueue.creator(ws, "Sales").setTargetWorkers("skills HAS 'sales'").create(fixtures.client);
        TaskQueue updated = TaskQueue.updater(ws, billing.getSid()).setFriendlyName("Billing EU")
                .setTargetWorkers("region == 'eu'").setMaxReservedWorkers(3)
                .setTaskOrder(TaskQueue.TaskOrder.LIFO).setReservationActivitySid(setup.availableActivitySid())
                .update(fixtures.client);
        assertEquals("Billing EU", updated.getFriendlyName());
        assertEquals("region == 'eu'", updated.getTargetWorkers());
        assertEquals(3, updated.getMaxReservedWorkers());
        assertEquals(TaskQueue.TaskOrder.LIFO, updated.getTaskOrder());
        assertEquals(setup.availableActivitySid(), updated.getReservationActivitySid());
        assertEquals("Available", updated.getReservationActivityName());
        assertNull(updated.getAssignmentActivitySid());
        assertNull(updated.getAssignmentActivityName());
        assertEquals(RouterFixtures.ACCOUNT_SID, updated.getAccountSid());
        assertEquals(ws, updated.getWorkspaceSid());
        assertNotNull(updated.getDateCreated());
        assertNotNull(updated.getDateUpdated());
        assertNotNull(updated.getUrl());
        assertTrue(updated.getLinks().containsKey("statistics"));

        List<String> names = new ArrayList<>();
        TaskQueue.reader(ws).pageSize(2).read(fixtures.client).forEach(q -> names.add(q.getFriendlyName()));
        assertEquals(List.of("Support", "Billing EU", "Sales"), names);
        List<String> forEuWorkers = new ArrayList<>();
        TaskQueue.reader(ws).setEvaluateWorkerAttributes("{\"region\":\"eu\",\"skills\":[\"support\"]}")
                .read(fixtures.client).forEach(q -> forEuWorkers.add(q.getFriendlyName()));
        assertEquals(List.of("Support", "Billing EU"), forEuWorkers);

        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("TargetWorkers", "region ==").post("/v1/Workspaces/" + ws + "/TaskQueues/"
                        + billing.getSid())
                .then().statusCode(400).body("code", is(20001)).body("message", containsString("TargetWorkers"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("TaskOrder", "RANDOM").post("/v1/Workspaces/" + ws + "/TaskQueues/" + billing.getSid())
                .then().statusCode(400).body("message", containsString("TaskOrder"));

        Task waiting = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes("{\"channel\":\"sms\"}")
                .create(fixtures.client);
        assertEquals(setup.queueSid(), waiting.getTaskQueueSid());
        ApiException refused = assertThrows(ApiException.class, () -> TaskQueue.deleter(ws, setup.queueSid())
                .delete(fixtures.client));
        assertEquals(400, refused.getStatusCode());
        assertEquals(20001, refused.getCode());
        assertTrue(TaskQueue.deleter(ws, billing.getSid()).delete(fixtures.client));
        assertEquals(404, assertThrows(ApiException.class, () -> TaskQueue.fetcher(ws, billing.getSid())
                .fetch(fixtures.client)).getStatusCode());
    }

    @Test
    void aWorkflowUpdateIsANewVersionThatRoutesFromThenOn() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        TaskQueue sales = TaskQueue.creator(ws, "Sales").setTargetWorkers("skills HAS 'sales'")
                .create(fixtures.client);
        Workflow before = Workflow.fetcher(ws, setup.workflowSid()).fetch(fixtures.client);
        String configuration = "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"Sales\","
                + "\"expression\":\"dept == 'sales'\",\"targets\":[{\"queue\":\"" + sales.getSid() + "\"}]}],"
                + "\"default_filter\":{\"queue\":\"" + setup.queueSid() + "\"}}}";
        Workflow after = Workflow.updater(ws, setup.workflowSid()).setFriendlyName("Routing v2")
                .setConfiguration(configuration).setTaskReservationTimeout(60)
                .setAssignmentCallbackUrl("https://example.invalid/assign")
                .setFallbackAssignmentCallbackUrl("https://example.invalid/fallback").update(fixtures.client);
        assertEquals("Routing v2", after.getFriendlyName());
        assertEquals(configuration, after.getConfiguration());
        assertEquals(60, after.getTaskReservationTimeout());
        assertEquals("https://example.invalid/assign", after.getAssignmentCallbackUrl().toString());
        assertEquals("https://example.invalid/fallback", after.getFallbackAssignmentCallbackUrl().toString());
        assertEquals("application/json", after.getDocumentContentType());
        assertEquals(before.getDateCreated(), after.getDateCreated());
        assertEquals(RouterFixtures.ACCOUNT_SID, after.getAccountSid());
        assertEquals(ws, after.getWorkspaceSid());
        assertNotNull(after.getUrl());
        assertNotNull(after.getLinks());

        JsonPath versions = given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .get("/v1/Workspaces/" + ws + "/Workflows/" + setup.workflowSid() + "/Versions")
                .then().statusCode(200).body("versions", hasSize(2)).extract().jsonPath();
        assertEquals(before.getConfiguration(), versions.getString("versions[0].configuration"));
        assertEquals(configuration, versions.getString("versions[1].configuration"));
        Instant v2 = Instant.parse(versions.getString("versions[1].version"));
        assertNotEquals(versions.getString("versions[0].version"), versions.getString("versions[1].version"));

        Task task = Task.creator(ws).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\",\"dept\":\"sales\"}").create(fixtures.client);
        assertEquals(sales.getSid(), task.getTaskQueueSid(), "routed by the new version");
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .get("/v1/Workspaces/" + ws + "/Tasks/" + task.getSid() + "/Explanation")
                .then().statusCode(200)
                .body("decisions[0].matched_filter", is("Sales"))
                .body("decisions[0].workflow_version", is(v2.truncatedTo(ChronoUnit.SECONDS).toString()));

        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("Configuration", "{\"task_routing\":{\"filters\":[{\"expression\":\"dept ==\","
                        + "\"targets\":[{\"queue\":\"" + sales.getSid() + "\"}]}]}}")
                .post("/v1/Workspaces/" + ws + "/Workflows/" + setup.workflowSid())
                .then().statusCode(400).body("message", containsString("Configuration"));
        ApiException inUse = assertThrows(ApiException.class, () -> Workflow.deleter(ws, setup.workflowSid())
                .delete(fixtures.client));
        assertEquals(400, inUse.getStatusCode());
        Task.updater(ws, task.getSid()).setAssignmentStatus(Task.Status.CANCELED).update(fixtures.client);
        assertTrue(Workflow.deleter(ws, setup.workflowSid()).delete(fixtures.client));
        assertEquals(404, assertThrows(ApiException.class, () -> Workflow.fetcher(ws, setup.workflowSid())
                .fetch(fixtures.client)).getStatusCode());
        assertEquals(setup.workflowSid(), Task.fetcher(ws, task.getSid()).fetch(fixtures.client).getWorkflowSid(),
                "the finished task still names it");
    }

    @Test
    void newAttributesRescindTheReservationAndRouteTheTaskAgain() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        TaskQueue sales = TaskQueue.creator(ws, "Sales").setTargetWorkers("skills HAS 'sales'")
                .create(fixtures.client);
        Workflow.updater(ws, setup.workflowSid()).setConfiguration("{\"task_routing\":{\"filters\":[{"
                + "\"expression\":\"dept == 'sales'\",\"targets\":[{\"queue\":\"" + sales.getSid() + "\"}]}],"
                + "\"default_filter\":{\"queue\":\"" + setup.queueSid() + "\"}}}").update(fixtures.client);
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        Worker bob = fixtures.worker(setup, "bob", "{\"skills\":[\"sales\"]}", true);
        Task task = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes("{\"channel\":\"sms\"}")
                .create(fixtures.client);
        Reservation offered = Reservation.reader(ws, alice.getSid()).read(fixtures.client).iterator().next();

        Task rerouted = Task.updater(ws, task.getSid()).setAttributes("{\"channel\":\"sms\",\"dept\":\"sales\"}")
                .setPriority(5).update(fixtures.client);
        assertEquals(Task.Status.RESERVED, rerouted.getAssignmentStatus());
        assertEquals(sales.getSid(), rerouted.getTaskQueueSid());
        assertEquals("Sales", rerouted.getTaskQueueFriendlyName());
        assertEquals(5, rerouted.getPriority());
        assertEquals(Reservation.Status.RESCINDED, Reservation.fetcher(ws, alice.getSid(), offered.getSid())
                .fetch(fixtures.client).getReservationStatus());
        assertEquals(0, WorkerChannel.fetcher(ws, alice.getSid(), "sms").fetch(fixtures.client).getAssignedTasks(),
                "alice's capacity came back");
        Reservation bobs = Reservation.reader(ws, bob.getSid()).setReservationStatus(Reservation.Status.PENDING)
                .read(fixtures.client).iterator().next();
        assertEquals(task.getSid(), bobs.getTaskSid());

        Reservation.updater(ws, bob.getSid(), bobs.getSid()).setReservationStatus(Reservation.Status.ACCEPTED)
                .update(fixtures.client);
        Task assigned = Task.updater(ws, task.getSid()).setAttributes("{\"channel\":\"sms\",\"dept\":\"support\"}")
                .update(fixtures.client);
        assertEquals(Task.Status.ASSIGNED, assigned.getAssignmentStatus(), "an assigned task only keeps them");
        assertEquals(sales.getSid(), assigned.getTaskQueueSid());
        assertTrue(assigned.getAttributes().contains("support"));

        Task wrapping = Task.updater(ws, task.getSid()).setAssignmentStatus(Task.Status.WRAPPING)
                .setReason("call ended").update(fixtures.client);
        assertEquals(Task.Status.WRAPPING, wrapping.getAssignmentStatus());
        assertEquals("call ended", wrapping.getReason());
        assertEquals(Reservation.Status.WRAPPING, Reservation.fetcher(ws, bob.getSid(), bobs.getSid())
                .fetch(fixtures.client).getReservationStatus());
        assertEquals(1, WorkerChannel.fetcher(ws, bob.getSid(), "sms").fetch(fixtures.client).getAssignedTasks(),
                "wrapping still holds the capacity");
        Task done = Task.updater(ws, task.getSid()).setAssignmentStatus(Task.Status.COMPLETED)
                .setReason("resolved").update(fixtures.client);
        assertEquals(Task.Status.COMPLETED, done.getAssignmentStatus());
        assertEquals(0, WorkerChannel.fetcher(ws, bob.getSid(), "sms").fetch(fixtures.client).getAssignedTasks());
        assertEquals(400, assertThrows(ApiException.class, () -> Task.updater(ws, task.getSid())
                .setAttributes("{}").update(fixtures.client)).getStatusCode(), "a finished task keeps its attributes");
    }

    @Test
    void tasksAreReadWithEveryGetterListedWithPagingAndDeletedWithTheirReservations() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes("{\"channel\":\"sms\"}")
                    .create(fixtures.client).getSid());
        }
        Task t = Task.fetcher(ws, created.get(0)).fetch(fixtures.client);
        assertEquals(RouterFixtures.ACCOUNT_SID, t.getAccountSid());
        assertEquals(ws, t.getWorkspaceSid());
        assertEquals(Task.Status.RESERVED, t.getAssignmentStatus());
        assertEquals("{}", t.getAddons());
        assertNotNull(t.getAge());
        assertNotNull(t.getAttributes());
        assertNotNull(t.getDateCreated());
        assertNotNull(t.getDateUpdated());
        assertFalse(t.getIgnoreCapacity());
        assertTrue(t.getLinks().containsKey("reservations"));
        assertEquals(0, t.getPriority());
        assertNull(t.getRoutingTarget());
        assertTrue(t.getTaskChannelSid().startsWith("TC"));
        assertEquals("sms", t.getTaskChannelUniqueName());
        assertNotNull(t.getTaskQueueEnteredDate());
        assertEquals("Support", t.getTaskQueueFriendlyName());
        assertEquals(setup.queueSid(), t.getTaskQueueSid());
        assertNotNull(t.getTimeout());
        assertNotNull(t.getUrl());
        assertNotNull(t.getVirtualStartTime());
        assertEquals("Routing", t.getWorkflowFriendlyName());
        assertEquals(setup.workflowSid(), t.getWorkflowSid());

        List<String> read = new ArrayList<>();
        Task.reader(ws).pageSize(2).read(fixtures.client).forEach(task -> read.add(task.getSid()));
        assertEquals(created, read);

        Reservation pending = Reservation.reader(ws, alice.getSid()).read(fixtures.client).iterator().next();
        assertTrue(Task.deleter(ws, created.get(0)).delete(fixtures.client));
        assertEquals(404, assertThrows(ApiException.class, () -> Task.fetcher(ws, created.get(0))
                .fetch(fixtures.client)).getStatusCode());
        assertEquals(404, assertThrows(ApiException.class, () -> Reservation.fetcher(ws, alice.getSid(),
                pending.getSid()).fetch(fixtures.client)).getStatusCode());
        assertEquals(Task.Status.RESERVED, Task.fetcher(ws, created.get(1)).fetch(fixtures.client)
                .getAssignmentStatus(), "the freed capacity went to the next task");
    }

    @Test
    void aWorkerWithALiveReservationCannotBeDeleted() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes("{\"channel\":\"sms\"}")
                .create(fixtures.client);
        Reservation pending = Reservation.reader(ws, alice.getSid()).read(fixtures.client).iterator().next();
        ApiException refused = assertThrows(ApiException.class, () -> Worker.deleter(ws, alice.getSid())
                .delete(fixtures.client));
        assertEquals(400, refused.getStatusCode());
        assertEquals(20001, refused.getCode());

        Reservation.updater(ws, alice.getSid(), pending.getSid()).setReservationStatus(Reservation.Status.REJECTED)
                .update(fixtures.client);
        assertTrue(Worker.deleter(ws, alice.getSid()).delete(fixtures.client));
        assertEquals(404, assertThrows(ApiException.class, () -> Worker.fetcher(ws, alice.getSid())
                .fetch(fixtures.client)).getStatusCode());
    }

    @Test
    void updatesAndDeletesOfUnknownOrForeignSidsAre404AndBadValuesA400NamingTheParameter() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup mine = fixtures.supportSetup();
        RouterFixtures.Setup other = fixtures.supportSetup();
        String ws = mine.workspaceSid();
        assertEquals(404, assertThrows(ApiException.class, () -> TaskQueue.updater(ws, other.queueSid())
                .setFriendlyName("x").update(fixtures.client)).getStatusCode());
        assertEquals(404, assertThrows(ApiException.class, () -> Workflow.deleter(ws, other.workflowSid())
                .delete(fixtures.client)).getStatusCode());
        assertEquals(404, assertThrows(ApiException.class, () -> Activity.updater(ws,
                other.availableActivitySid()).setFriendlyName("x").update(fixtures.client)).getStatusCode());
        assertEquals(404, assertThrows(ApiException.class, () -> Task.deleter(ws,
                "WT00000000000000000000000000000000").delete(fixtures.client)).getStatusCode());
        assertEquals(404, assertThrows(ApiException.class, () -> Worker.deleter(ws,
                "WK00000000000000000000000000000000").delete(fixtures.client)).getStatusCode());

        Task task = Task.creator(ws).setWorkflowSid(mine.workflowSid()).setAttributes("{}").create(fixtures.client);
        String taskPath = "/v1/Workspaces/" + ws + "/Tasks/" + task.getSid();
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("AssignmentStatus", "reserved").post(taskPath)
                .then().statusCode(400).body("message", containsString("AssignmentStatus"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("Attributes", "{\"big\":\"" + "x".repeat(16 * 1024) + "\"}").post(taskPath)
                .then().statusCode(400).body("message", containsString("Attributes"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("Priority", "high").post(taskPath)
                .then().statusCode(400).body("message", containsString("Priority"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("FriendlyName", "x".repeat(65))
                .post("/v1/Workspaces/" + ws + "/Activities/" + mine.availableActivitySid())
                .then().statusCode(400).body("message", containsString("FriendlyName"));
        assertEquals("{}", Task.fetcher(ws, task.getSid()).fetch(fixtures.client).getAttributes(), "nothing changed");
    }
}
