package org.opencc.taskrouter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.tracing.SpanFile;

/** The events of a task's life and of a worker's state, in order, and the accept's link to the task's trace. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class TaskLifecycleEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCompletedTaskPublishesItsWholeLifeInOrder() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker carol = fixtures.worker(setup, "carol", "{\"skills\":[\"support\"]}", true);
        Task task = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);
        Reservation reservation = Reservation.reader(setup.workspaceSid(), carol.getSid()).read(fixtures.client)
                .iterator().next();
        Reservation.updater(setup.workspaceSid(), carol.getSid(), reservation.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED).update(fixtures.client);
        Task.updater(setup.workspaceSid(), task.getSid()).setAssignmentStatus(Task.Status.COMPLETED)
                .setReason("resolved").update(fixtures.client);

        List<ConsumerRecord<String, String>> records = TopicReader.recordsOf(Topics.TASKS, task.getSid(), 5);
        assertEquals(List.of("task.created", "task-queue.entered", "reservation.created", "reservation.accepted",
                "task.completed"), records.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        JsonNode entered = JSON.readTree(records.get(1).value());
        assertEquals(setup.queueSid(), entered.get("task_queue_sid").asText());
        assertEquals(setup.workflowSid(), entered.get("workflow_sid").asText());
        assertEquals("Messaging", entered.get("filter").asText(), "the matching filter's friendly name");
        JsonNode completed = JSON.readTree(records.get(4).value());
        assertEquals("resolved", completed.get("reason").asText());

        // the accept ran in its own trace, linked to the trace the task was created in
        String creationTrace = TopicReader.header(records.get(0), "traceparent").split("-")[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> acceptSpanLinksTo(creationTrace, reservation.getSid()));
    }

    @Test
    void aTaskNoFilterMatchesEntersItsQueueByTheDefaultFilter() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        // the setup's only filter takes sms and whatsapp
        Task task = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"chat\"}").create(fixtures.client);

        ConsumerRecord<String, String> record = TopicReader.recordsOfType(Topics.TASKS, task.getSid(),
                TaskQueueEntered.TYPE, 1).get(0);
        TaskQueueEntered entered = (TaskQueueEntered) EventCodec.decode(TaskQueueEntered.TYPE, record.value())
                .orElseThrow();
        assertEquals(setup.queueSid(), entered.taskQueueSid());
        assertEquals(setup.workflowSid(), entered.workflowSid());
        assertEquals(TaskQueueEntered.DEFAULT_FILTER, entered.filter());
    }

    @Test
    void aWorkerPublishesItsActivityWithTheQueuesThatSelectIt() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker skilled = fixtures.worker(setup, "skilled", "{\"skills\":[\"support\"]}", true);
        Worker other = fixtures.worker(setup, "other", "{\"skills\":[\"billing\"]}", false);

        JsonNode skilledEvent = JSON.readTree(TopicReader.recordsOf(Topics.WORKERS, skilled.getSid(), 1).get(0)
                .value());
        assertTrue(skilledEvent.get("available").asBoolean());
        assertEquals(setup.queueSid(), skilledEvent.get("task_queue_sids").get(0).asText());
        JsonNode otherEvent = JSON.readTree(TopicReader.recordsOf(Topics.WORKERS, other.getSid(), 1).get(0).value());
        assertEquals(false, otherEvent.get("available").asBoolean());
        assertEquals(0, otherEvent.get("task_queue_sids").size());

        Worker.updater(setup.workspaceSid(), other.getSid()).setActivitySid(setup.availableActivitySid())
                .setAttributes("{\"skills\":[\"support\",\"billing\"]}").update(fixtures.client);
        JsonNode updated = JSON.readTree(TopicReader.recordsOf(Topics.WORKERS, other.getSid(), 2).get(1).value());
        assertTrue(updated.get("available").asBoolean());
        assertEquals("Available", updated.get("activity_name").asText());
        assertEquals(setup.queueSid(), updated.get("task_queue_sids").get(0).asText());
    }

    private static boolean acceptSpanLinksTo(String traceId, String reservationSid) {
        for (JsonNode span : SpanFile.read()) {
            if ("ReservationService.accept".equals(span.path("name").asText())
                    && SpanFile.hasAttribute(span, "cc.reservation_sid", reservationSid)
                    && SpanFile.linksTo(span, traceId)) {
                return !traceId.equals(span.path("trace_id").asText());
            }
        }
        return false;
    }
}
