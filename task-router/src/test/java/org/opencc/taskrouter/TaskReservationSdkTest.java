package org.opencc.taskrouter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** A task's reservations through the official SDK; and list filters, paging tokens and their validation. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class TaskReservationSdkTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aTasksReservationsAreListedFetchedAndAnsweredUnderTheTask() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        Worker bob = fixtures.worker(setup, "bob", "{\"skills\":[\"support\"]}", true);
        Worker carol = fixtures.worker(setup, "carol", "{\"skills\":[\"support\"]}", true);
        Task task = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes("{\"channel\":\"sms\"}")
                .create(fixtures.client);
        // three offers, two turned down: each rejection routes the task to the next worker
        for (int i = 0; i < 2; i++) {
            Reservation pending = Reservation.reader(ws, task.getSid())
                    .setReservationStatus(Reservation.Status.PENDING).read(fixtures.client).iterator().next();
            Reservation rejected = Reservation.updater(ws, task.getSid(), pending.getSid())
                    .setReservationStatus(Reservation.Status.REJECTED).update(fixtures.client);
            assertEquals(Reservation.Status.REJECTED, rejected.getReservationStatus());
        }
        List<Reservation> all = new ArrayList<>();
        Reservation.reader(ws, task.getSid()).pageSize(2).read(fixtures.client).forEach(all::add);
        assertEquals(3, all.size(), "auto-paging over two pages");
        assertEquals(List.of(alice.getSid(), bob.getSid(), carol.getSid()).stream().sorted().toList(),
                all.stream().map(Reservation::getWorkerSid).sorted().toList());

        Reservation last = Reservation.reader(ws, task.getSid()).setReservationStatus(Reservation.Status.PENDING)
                .read(fixtures.client).iterator().next();
        Reservation fetched = Reservation.fetcher(ws, task.getSid(), last.getSid()).fetch(fixtures.client);
        assertTrue(fetched.getSid().startsWith("WR"));
        assertEquals(RouterFixtures.ACCOUNT_SID, fetched.getAccountSid());
        assertEquals(ws, fetched.getWorkspaceSid());
        assertEquals(task.getSid(), fetched.getTaskSid());
        assertNotNull(fetched.getWorkerName());
        assertNotNull(fetched.getWorkerSid());
        assertNotNull(fetched.getDateCreated());
        assertNotNull(fetched.getDateUpdated());
        assertTrue(fetched.getUrl().toString().endsWith("/Tasks/" + task.getSid() + "/Reservations/"
                + fetched.getSid()));
        assertTrue(fetched.getLinks().containsKey("worker"));
        assertEquals(1, count(Reservation.reader(ws, task.getSid()).setWorkerSid(fetched.getWorkerSid())
                .read(fixtures.client)));

        Reservation accepted = Reservation.updater(ws, task.getSid(), fetched.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED).update(fixtures.client);
        assertEquals(Reservation.Status.ACCEPTED, accepted.getReservationStatus());
        assertEquals(Task.Status.ASSIGNED, Task.fetcher(ws, task.getSid()).fetch(fixtures.client)
                .getAssignmentStatus());
        ApiException twice = assertThrows(ApiException.class, () -> Reservation.updater(ws, task.getSid(),
                fetched.getSid()).setReservationStatus(Reservation.Status.REJECTED).update(fixtures.client));
        assertEquals(409, twice.getStatusCode());
    }

    @Test
    void unknownOrForeignTaskReservationsAre404AndBadFiltersA400NamingTheParameter() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup mine = fixtures.supportSetup();
        RouterFixtures.Setup other = fixtures.supportSetup();
        fixtures.worker(other, "dave", "{\"skills\":[\"support\"]}", true);
        Task foreign = Task.creator(other.workspaceSid()).setWorkflowSid(other.workflowSid())
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);
        Reservation theirs = Reservation.reader(other.workspaceSid(), foreign.getSid()).read(fixtures.client)
                .iterator().next();
        assertEquals(404, assertThrows(ApiException.class, () -> Reservation.reader(mine.workspaceSid(),
                foreign.getSid()).read(fixtures.client).iterator().hasNext()).getStatusCode());
        Task own = Task.creator(mine.workspaceSid()).setWorkflowSid(mine.workflowSid()).setAttributes("{}")
                .create(fixtures.client);
        assertEquals(404, assertThrows(ApiException.class, () -> Reservation.fetcher(mine.workspaceSid(),
                own.getSid(), theirs.getSid()).fetch(fixtures.client)).getStatusCode());

        String reservations = "/v1/Workspaces/" + mine.workspaceSid() + "/Tasks/" + own.getSid() + "/Reservations";
        badQuery(reservations + "?ReservationStatus=maybe", "ReservationStatus");
        badQuery(reservations + "?WorkerSid=WQ00000000000000000000000000000000", "WorkerSid");
        String ws = "/v1/Workspaces/" + mine.workspaceSid();
        badQuery(ws + "/Tasks?AssignmentStatus=pending&AssignmentStatus=lost", "AssignmentStatus");
        badQuery(ws + "/Tasks?WorkflowSid=WQ00000000000000000000000000000000", "WorkflowSid");
        badQuery(ws + "/Tasks?Ordering=Age:asc", "Ordering");
        badQuery(ws + "/Tasks?EvaluateTaskAttributes=channel ==", "EvaluateTaskAttributes");
        badQuery(ws + "/Workers?TargetWorkersExpression=skills HAS", "TargetWorkersExpression");
        badQuery(ws + "/Workers?ActivitySid=WK00000000000000000000000000000000", "ActivitySid");
        badQuery(ws + "/TaskQueues?WorkerSid=WA00000000000000000000000000000000", "WorkerSid");
        badQuery(ws + "/Activities?Available=sometimes", "Available");
        badQuery(ws + "/Workers?PageToken=nonsense", "PageToken");
    }

    @Test
    void listFiltersTheSdkSendsSelectWhatTheyName() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"],\"level\":3}", true);
        fixtures.worker(setup, "sam", "{\"skills\":[\"sales\"],\"level\":1}", true);
        Task reserved = Task.creator(ws).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\",\"vip\":true}").create(fixtures.client);
        Task waiting = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setPriority(7)
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);

        assertEquals(List.of(alice.getSid()), sids(Worker.reader(ws).setTargetWorkersExpression("level > 2")
                .read(fixtures.client)));
        assertEquals(List.of(alice.getSid()), sids(Worker.reader(ws).setTaskQueueSid(setup.queueSid())
                .read(fixtures.client)));
        assertEquals(List.of(alice.getSid()), sids(Worker.reader(ws).setTaskQueueName("Support")
                .read(fixtures.client)));
        assertEquals(List.of(waiting.getSid()), sids(Task.reader(ws).setPriority(7).read(fixtures.client)));
        assertEquals(List.of(reserved.getSid()), sids(Task.reader(ws).setEvaluateTaskAttributes("vip == true")
                .read(fixtures.client)));
        assertEquals(List.of(reserved.getSid()), sids(Task.reader(ws).setRoutingTarget(alice.getSid())
                .read(fixtures.client)));
        assertEquals(List.of(waiting.getSid(), reserved.getSid()), sids(Task.reader(ws)
                .setOrdering("Priority:desc,DateCreated:asc").read(fixtures.client)));
        assertEquals(List.of(reserved.getSid(), waiting.getSid()), sids(Task.reader(ws)
                .setAssignmentStatus(List.of("reserved", "pending")).setWorkflowName("Routing")
                .setTaskQueueName("Support").read(fixtures.client)));
        assertEquals(List.of(), sids(Task.reader(ws).setHasAddons(true).read(fixtures.client)));

        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .get("/v1/Workspaces/" + ws + "/Tasks?PageSize=1")
                .then().statusCode(200).body("meta.next_page_url", containsString("PageToken=PT1"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .get("/v1/Workspaces/" + ws + "/Tasks?PageSize=1&PageToken=PT1")
                .then().statusCode(200).body("tasks", hasSize(1)).body("tasks[0].sid", is(waiting.getSid()))
                .body("meta.next_page_url", nullValue());
    }

    private static void badQuery(String pathAndQuery, String parameter) {
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN).urlEncodingEnabled(true)
                .get(pathAndQuery)
                .then().statusCode(400).body("code", is(20001)).body("message", containsString(parameter));
    }

    private static List<String> sids(Iterable<?> items) {
        List<String> sids = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Worker w) {
                sids.add(w.getSid());
            } else if (item instanceof Task t) {
                sids.add(t.getSid());
            }
        }
        return sids;
    }

    private static int count(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) {
            n++;
        }
        return n;
    }
}
