package org.opencc.taskrouter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.base.ResourceSet;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class SdkRoutingTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void taskCreatedWithTheSdkIsReservedToTheAvailableSkilledWorkerWhoAcceptsIt() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker offline = fixtures.worker(setup, "offline", "{\"skills\":[\"support\"]}", false);
        Worker unskilled = fixtures.worker(setup, "sales", "{\"skills\":[\"sales\"]}", true);
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        assertTrue(alice.getAvailable());
        assertFalse(offline.getAvailable());

        Task task = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);
        assertEquals(Task.Status.RESERVED, task.getAssignmentStatus());
        assertEquals(setup.queueSid(), task.getTaskQueueSid());

        Reservation reservation = await().atMost(Duration.ofSeconds(10)).until(() -> first(Reservation
                .reader(setup.workspaceSid(), alice.getSid()).setReservationStatus(Reservation.Status.PENDING)
                .read(fixtures.client)), r -> r != null);
        assertEquals(task.getSid(), reservation.getTaskSid());
        assertEquals("alice", reservation.getWorkerName());
        assertTrue(Reservation.reader(setup.workspaceSid(), unskilled.getSid()).read(fixtures.client)
                .iterator().hasNext() == false, "the unskilled worker was offered nothing");

        io.restassured.RestAssured.given().auth().preemptive()
                .basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .get("/v1/Workspaces/" + setup.workspaceSid() + "/Tasks/" + task.getSid() + "/Explanation")
                .then().statusCode(200)
                .body("decisions[0].matched_filter", org.hamcrest.Matchers.is("Messaging"))
                .body("decisions[0].chosen_worker_sid", org.hamcrest.Matchers.is(alice.getSid()))
                // routing reads only the queue's members with room: neither the unskilled worker (not a member)
                // nor the offline one is even considered; the dry run explains every worker
                .body("decisions[0].workers.worker_sid", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(unskilled.getSid())))
                .body("decisions[0].workers.worker_sid", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(offline.getSid())));

        Reservation accepted = Reservation.updater(setup.workspaceSid(), alice.getSid(), reservation.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED).update(fixtures.client);
        assertEquals(Reservation.Status.ACCEPTED, accepted.getReservationStatus());
        assertEquals(Task.Status.ASSIGNED, Task.fetcher(setup.workspaceSid(), task.getSid()).fetch(fixtures.client)
                .getAssignmentStatus());
    }

    @Test
    void readersFollowNextPageUrlsBackToUs() {
        RouterFixtures fixtures = new RouterFixtures(base);
        String name = "paged-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(Workspace.creator(name).create(fixtures.client).getSid());
        }
        ResourceSet<Workspace> all = Workspace.reader().setFriendlyName(name).pageSize(2).read(fixtures.client);
        List<String> read = new ArrayList<>();
        all.forEach(w -> read.add(w.getSid()));
        assertEquals(created, read);
        Workspace fetched = Workspace.fetcher(created.get(0)).fetch(fixtures.client);
        assertEquals("Offline", fetched.getDefaultActivityName());
        assertNotNull(fetched.getUrl());
        assertTrue(fetched.getLinks().containsKey("workers"));
    }

    private static Reservation first(ResourceSet<Reservation> reservations) {
        var it = reservations.iterator();
        return it.hasNext() ? it.next() : null;
    }
}
