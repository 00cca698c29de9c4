package org.opencc.taskrouter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskChannel;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** A worker's capacity per task channel through the official SDK, and routing honouring it. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class WorkerChannelSdkTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void workerChannelsAreListedFetchedAndUpdatedWithTheSdk() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);

        List<WorkerChannel> all = new ArrayList<>();
        WorkerChannel.reader(ws, alice.getSid()).pageSize(2).read(fixtures.client).forEach(all::add);
        List<String> names = all.stream().map(WorkerChannel::getTaskChannelUniqueName).toList();
        assertEquals(5, names.size(), "auto-paging over three pages, nothing twice");
        assertEquals(Set.of("default", "voice", "chat", "sms", "whatsapp"), Set.copyOf(names));

        TaskChannel smsChannel = TaskChannel.fetcher(ws, "sms").fetch(fixtures.client);
        WorkerChannel sms = WorkerChannel.fetcher(ws, alice.getSid(), smsChannel.getSid()).fetch(fixtures.client);
        assertTrue(sms.getSid().startsWith("WC"));
        assertEquals(RouterFixtures.ACCOUNT_SID, sms.getAccountSid());
        assertEquals(ws, sms.getWorkspaceSid());
        assertEquals(alice.getSid(), sms.getWorkerSid());
        assertEquals(smsChannel.getSid(), sms.getTaskChannelSid());
        assertEquals("sms", sms.getTaskChannelUniqueName());
        assertEquals(1, sms.getConfiguredCapacity());
        assertEquals(0, sms.getAssignedTasks());
        assertTrue(sms.getAvailable());
        assertEquals(100, sms.getAvailableCapacityPercentage());
        assertNotNull(sms.getDateCreated());
        assertNotNull(sms.getDateUpdated());
        assertTrue(sms.getUrl().toString().endsWith("/Workers/" + alice.getSid() + "/Channels/" + sms.getSid()));
        assertEquals(sms.getSid(), WorkerChannel.fetcher(ws, alice.getSid(), "sms").fetch(fixtures.client).getSid(),
                "fetch by unique name");
        assertEquals(sms.getSid(), WorkerChannel.fetcher(ws, alice.getSid(), sms.getSid()).fetch(fixtures.client)
                .getSid(), "fetch by its own SID");

        WorkerChannel two = WorkerChannel.updater(ws, alice.getSid(), "sms").setCapacity(2).update(fixtures.client);
        assertEquals(2, two.getConfiguredCapacity());
        for (int i = 0; i < 3; i++) {
            Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes("{\"channel\":\"sms\"}")
                    .create(fixtures.client);
        }
        assertEquals(2, count(Reservation.reader(ws, alice.getSid()).setReservationStatus(Reservation.Status.PENDING)
                .read(fixtures.client)), "capacity 2: two tasks at once, the third waits");
        WorkerChannel busy = WorkerChannel.fetcher(ws, alice.getSid(), "sms").fetch(fixtures.client);
        assertEquals(2, busy.getAssignedTasks());
        assertEquals(0, busy.getAvailableCapacityPercentage());

        WorkerChannel three = WorkerChannel.updater(ws, alice.getSid(), "sms").setCapacity(3).update(fixtures.client);
        assertEquals(3, three.getAssignedTasks(), "more capacity routes the waiting task at once");
    }

    @Test
    void anUnavailableChannelGetsNoTasksUntilItIsAvailableAgain() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String ws = setup.workspaceSid();
        Worker bob = fixtures.worker(setup, "bob", "{\"skills\":[\"support\"]}", true);
        WorkerChannel off = WorkerChannel.updater(ws, bob.getSid(), "sms").setAvailable(false).update(fixtures.client);
        assertFalse(off.getAvailable());
        assertEquals(0, off.getAvailableCapacityPercentage());

        Task task = Task.creator(ws).setWorkflowSid(setup.workflowSid()).setAttributes("{\"channel\":\"sms\"}")
                .create(fixtures.client);
        assertEquals(Task.Status.PENDING, task.getAssignmentStatus());

        WorkerChannel.updater(ws, bob.getSid(), "sms").setAvailable(true).update(fixtures.client);
        await().atMost(Duration.ofSeconds(10)).until(() -> Task.fetcher(ws, task.getSid()).fetch(fixtures.client)
                .getAssignmentStatus() == Task.Status.RESERVED);
    }

    @Test
    void badCapacityIsA400NamingItAndUnknownOrForeignWorkersAre404() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup mine = fixtures.supportSetup();
        RouterFixtures.Setup other = fixtures.supportSetup();
        Worker carol = fixtures.worker(mine, "carol", "{}", false);
        Worker dave = fixtures.worker(other, "dave", "{}", false);
        String path = "/v1/Workspaces/" + mine.workspaceSid() + "/Workers/" + carol.getSid() + "/Channels/sms";
        for (String bad : new String[] {"51", "-1", "two"}) {
            given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                    .formParam("Capacity", bad).post(path)
                    .then().statusCode(400).body("message", containsString("Capacity"));
        }
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .formParam("Available", "yes").post(path)
                .then().statusCode(400).body("message", containsString("Available"));
        assertEquals(1, WorkerChannel.fetcher(mine.workspaceSid(), carol.getSid(), "sms").fetch(fixtures.client)
                .getConfiguredCapacity(), "nothing changed");

        assertEquals(404, assertThrows(ApiException.class, () -> WorkerChannel.fetcher(mine.workspaceSid(),
                "WK00000000000000000000000000000000", "sms").fetch(fixtures.client)).getStatusCode());
        assertEquals(404, assertThrows(ApiException.class, () -> WorkerChannel.fetcher(mine.workspaceSid(),
                carol.getSid(), "fax").fetch(fixtures.client)).getStatusCode());
        assertEquals(404, assertThrows(ApiException.class, () -> WorkerChannel.updater(mine.workspaceSid(),
                dave.getSid(), "sms").setCapacity(5).update(fixtures.client)).getStatusCode());
        String foreignChannel = TaskChannel.fetcher(other.workspaceSid(), "sms").fetch(fixtures.client).getSid();
        assertEquals(404, assertThrows(ApiException.class, () -> WorkerChannel.fetcher(mine.workspaceSid(),
                carol.getSid(), foreignChannel).fetch(fixtures.client)).getStatusCode());
    }

    private static int count(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) {
            n++;
        }
        return n;
    }
}
