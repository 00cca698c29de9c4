package org.opencc.taskrouter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** A worker's capacity is never exceeded, and freed capacity is offered to the next task. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class CapacityTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void tasksCreatedConcurrentlyNeverExceedTheWorkersCapacity() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Task>> created = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                created.add(pool.submit(() -> Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                        .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client)));
            }
            for (Future<Task> f : created) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count(Reservation.reader(setup.workspaceSid(), alice.getSid())
                .setReservationStatus(Reservation.Status.PENDING).read(fixtures.client)));
        assertEquals(7, count(Task.reader(setup.workspaceSid()).setAssignmentStatus(Task.Status.PENDING.toString())
                .read(fixtures.client)));
    }

    @Test
    void completingTheAssignedTaskOffersTheWorkerTheNextOne() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker bob = fixtures.worker(setup, "bob", "{\"skills\":[\"support\"]}", true);
        Task first = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);
        Task second = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);
        assertEquals(Task.Status.PENDING, second.getAssignmentStatus());
        Reservation r = Reservation.reader(setup.workspaceSid(), bob.getSid()).read(fixtures.client).iterator().next();
        assertEquals(first.getSid(), r.getTaskSid());
        Reservation.updater(setup.workspaceSid(), bob.getSid(), r.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED).update(fixtures.client);
        Task.updater(setup.workspaceSid(), first.getSid()).setAssignmentStatus(Task.Status.COMPLETED)
                .setReason("resolved").update(fixtures.client);

        await().atMost(Duration.ofSeconds(10)).until(() -> Task.fetcher(setup.workspaceSid(), second.getSid())
                .fetch(fixtures.client).getAssignmentStatus() == Task.Status.RESERVED);
    }

    private static int count(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) {
            n++;
        }
        return n;
    }
}
