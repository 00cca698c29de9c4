package org.opencc.taskrouter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
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

/** TaskRouter's {@code RejectPendingReservations} on a worker update, through the official SDK. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class RejectPendingReservationsTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void goingOfflineWithRejectPendingReservationsRejectsTheOfferAndTheTaskGoesToAnotherWorker() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        Task task = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);
        Reservation offered = await().atMost(Duration.ofSeconds(10)).until(() -> pending(fixtures, setup, alice),
                r -> r != null);
        Worker bob = fixtures.worker(setup, "bob", "{\"skills\":[\"support\"]}", true);

        Worker.updater(setup.workspaceSid(), alice.getSid()).setActivitySid(offline(fixtures, setup))
                .setRejectPendingReservations(true).update(fixtures.client);

        assertEquals(Reservation.Status.REJECTED, Reservation.fetcher(setup.workspaceSid(), alice.getSid(),
                offered.getSid()).fetch(fixtures.client).getReservationStatus());
        Reservation rerouted = await().atMost(Duration.ofSeconds(10)).until(() -> pending(fixtures, setup, bob),
                r -> r != null);
        assertEquals(task.getSid(), rerouted.getTaskSid());
    }

    @Test
    void rejectPendingReservationsWithAnAvailableActivityIsRefusedAndChangesNothing() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker carol = fixtures.worker(setup, "carol", "{\"skills\":[\"support\"]}", true);
        Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);
        Reservation offered = await().atMost(Duration.ofSeconds(10)).until(() -> pending(fixtures, setup, carol),
                r -> r != null);

        ApiException refused = assertThrows(ApiException.class, () -> Worker.updater(setup.workspaceSid(),
                carol.getSid()).setActivitySid(setup.availableActivitySid()).setRejectPendingReservations(true)
                .update(fixtures.client));
        assertEquals(400, refused.getStatusCode());
        assertTrue(refused.getMessage().contains("RejectPendingReservations"), refused.getMessage());
        assertEquals(Reservation.Status.PENDING, Reservation.fetcher(setup.workspaceSid(), carol.getSid(),
                offered.getSid()).fetch(fixtures.client).getReservationStatus());
    }

    private static Reservation pending(RouterFixtures fixtures, RouterFixtures.Setup setup, Worker worker) {
        var it = Reservation.reader(setup.workspaceSid(), worker.getSid())
                .setReservationStatus(Reservation.Status.PENDING).read(fixtures.client).iterator();
        return it.hasNext() ? it.next() : null;
    }

    private static String offline(RouterFixtures fixtures, RouterFixtures.Setup setup) {
        return Activity.creator(setup.workspaceSid(), "Away " + System.nanoTime()).setAvailable(false)
                .create(fixtures.client).getSid();
    }
}
