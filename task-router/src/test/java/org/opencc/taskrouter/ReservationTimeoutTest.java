package org.opencc.taskrouter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** A reservation nobody answers times out and the task moves on to another worker. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ReservationTimeoutTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void unansweredReservationTimesOutAndTheTaskIsOfferedToTheNextWorker() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Workflow quick = Workflow.creator(setup.workspaceSid(), "Quick", "{\"task_routing\":{\"default_filter\":"
                + "{\"queue\":\"" + setup.queueSid() + "\"}}}").setTaskReservationTimeout(1).create(fixtures.client);
        Worker first = fixtures.worker(setup, "first", "{\"skills\":[\"support\"]}", true);
        Task task = Task.creator(setup.workspaceSid()).setWorkflowSid(quick.getSid())
                .setAttributes("{\"channel\":\"chat\"}").create(fixtures.client);
        Reservation offered = Reservation.reader(setup.workspaceSid(), first.getSid()).read(fixtures.client)
                .iterator().next();
        Worker second = fixtures.worker(setup, "second", "{\"skills\":[\"support\"]}", true);

        await().atMost(Duration.ofSeconds(15)).until(() -> Reservation.fetcher(setup.workspaceSid(),
                first.getSid(), offered.getSid()).fetch(fixtures.client).getReservationStatus()
                == Reservation.Status.TIMEOUT);
        Reservation next = await().atMost(Duration.ofSeconds(15)).until(() -> {
            var it = Reservation.reader(setup.workspaceSid(), second.getSid()).read(fixtures.client).iterator();
            return it.hasNext() ? it.next() : null;
        }, r -> r != null);
        assertEquals(task.getSid(), next.getTaskSid());
        assertEquals(Reservation.Status.PENDING, next.getReservationStatus());
    }
}
