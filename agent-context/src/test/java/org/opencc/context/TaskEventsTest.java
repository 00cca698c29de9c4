package org.opencc.context;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** cc.tasks.v1 folded into the task and reservation views: redeliveries, hand-overs, what the task keeps. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(DemoCrmResource.class)
class TaskEventsTest {
    private final String alice = Sids.next("WK");
    private final String bob = Sids.next("WK");

    @Test
    void eventsDeliveredTwiceHaveOneEffect() throws SQLException {
        TaskScenario task = new TaskScenario();
        String reservation = Sids.next("WR");
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        for (int delivery = 0; delivery < 2; delivery++) {
            task.publish(task.created(), ids.get(0));
            task.publish(task.reserved(reservation, alice), ids.get(1));
            task.publish(task.accepted(reservation, alice), ids.get(2));
        }
        // a sentinel after the repeats: once it is applied, every repeat before it has been consumed
        String sentinel = Sids.next("WR");
        task.publish(task.reserved(sentinel, bob));
        await().atMost(Duration.ofSeconds(30)).until(() -> TaskRows.reservationStatus(sentinel) != null);

        assertThat(TaskRows.strings("SELECT reservation_sid || ':' || status FROM reservation"
                + " WHERE task_sid = ? AND worker_sid <> '" + bob + "'", task.taskSid), contains(reservation + ":accepted"));
        assertThat(TaskRows.strings("SELECT task_sid FROM task WHERE task_sid = ?", task.taskSid), contains(task.taskSid));
        for (String id : ids) {
            assertThat(TaskRows.strings("SELECT consumer FROM processed_event WHERE event_id = ?", id),
                    contains("agent-context"));
        }
    }

    @Test
    void aRejectedReservationHandsTheTaskToTheNextWorker() {
        TaskScenario task = new TaskScenario();
        String first = Sids.next("WR");
        String second = Sids.next("WR");
        task.publish(task.created(), task.reserved(first, alice), task.rejected(first, alice),
                task.reserved(second, bob));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                task.read(TaskScenario.agent(bob)).statusCode(200).body("sources[0].status", is("ok")));
        task.read(TaskScenario.agent(alice)).statusCode(403);
    }

    @Test
    void theTaskKeepsTheCustomerKeyAndTheInteractionsRootSpanContext() throws SQLException {
        TaskScenario task = new TaskScenario();
        task.publish(task.created());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TaskRows.strings("SELECT task_sid FROM task WHERE task_sid = ?", task.taskSid).isEmpty());
        assertThat(TaskRows.strings("SELECT concat_ws('|', workspace_sid, interaction_id, customer_key, channel,"
                + " root_traceparent, status) FROM task WHERE task_sid = ?", task.taskSid),
                contains(String.join("|", task.workspaceSid, task.interactionId, task.customerKey, "sms",
                        task.rootTraceparent, "open")));
    }
}
