package org.opencc.taskrouter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.security.RequestValidator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.CallbackFailed;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class EventCallbackTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void onlyTheEventTypesInTheWorkspacesEventsFilterAreCalledBack() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        try (CallbackEndpoint endpoint = new CallbackEndpoint()) {
            String url = endpoint.url("/events");
            String ws = Workspace.creator("events-" + UUID.randomUUID()).setEventCallbackUrl(url)
                    .setEventsFilter("task.created, reservation.created").create(fixtures.client).getSid();
            Activity available = Activity.reader(ws).setFriendlyName("Available").read(fixtures.client).iterator()
                    .next();
            TaskQueue queue = TaskQueue.creator(ws, "Support").setTargetWorkers("skills HAS 'support'")
                    .create(fixtures.client);
            Workflow workflow = Workflow.creator(ws, "Routing", "{\"task_routing\":{\"filters\":[],"
                    + "\"default_filter\":{\"queue\":\"" + queue.getSid() + "\"}}}").create(fixtures.client);
            Worker worker = Worker.creator(ws, "bob").setAttributes("{\"skills\":[\"support\"]}")
                    .setActivitySid(available.getSid()).create(fixtures.client);
            Task task = Task.creator(ws).setWorkflowSid(workflow.getSid()).setAttributes("{\"channel\":\"chat\"}")
                    .create(fixtures.client);

            // task.created, task-queue.entered and reservation.created share the task's partition, in that order:
            // once reservation.created is here, task-queue.entered was consumed and filtered out
            await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received("/events").stream()
                    .anyMatch(r -> "reservation.created".equals(r.params().get("EventType"))));
            List<CallbackEndpoint.Received> received = endpoint.received("/events");
            assertEquals(List.of("task.created", "reservation.created"), received.stream()
                    .map(r -> r.params().get("EventType")).toList(), "worker.activity.update and"
                    + " task-queue.entered are not in the filter");
            RequestValidator validator = new RequestValidator(RouterFixtures.AUTH_TOKEN);
            for (CallbackEndpoint.Received r : received) {
                assertTrue(validator.validate(url, r.params(), r.signature()), "signed: " + r.params());
            }
            Map<String, String> created = received.get(0).params();
            assertEquals("Task", created.get("ResourceType"));
            assertEquals(task.getSid(), created.get("ResourceSid"));
            assertEquals(ws, created.get("WorkspaceSid"));
            assertTrue(Long.parseLong(created.get("TimestampMs")) > 0);
            Map<String, String> reserved = received.get(1).params();
            assertEquals("Reservation", reserved.get("ResourceType"));
            assertEquals(reserved.get("ReservationSid"), reserved.get("ResourceSid"));
            assertEquals(task.getSid(), reserved.get("TaskSid"));
            assertEquals(worker.getSid(), reserved.get("WorkerSid"));
            assertEquals(queue.getSid(), reserved.get("TaskQueueSid"));
            assertTrue(reserved.get("EventDescription").startsWith("Reservation WR"));
        }
    }

    @Test
    void aFailedEventCallbackPublishesCallbackFailedWhichIsNeverCalledBack() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        try (CallbackEndpoint endpoint = new CallbackEndpoint()) {
            endpoint.answer("/events", 500, "", 0);
            // no events filter: every event type is wanted, callback.failed would be too if it were delivered
            String ws = Workspace.creator("events-" + UUID.randomUUID()).setEventCallbackUrl(endpoint.url("/events"))
                    .create(fixtures.client).getSid();
            TaskQueue queue = TaskQueue.creator(ws, "Support").setTargetWorkers("skills HAS 'support'")
                    .create(fixtures.client);
            Workflow workflow = Workflow.creator(ws, "Routing", "{\"task_routing\":{\"filters\":[],"
                    + "\"default_filter\":{\"queue\":\"" + queue.getSid() + "\"}}}").create(fixtures.client);
            Task task = Task.creator(ws).setWorkflowSid(workflow.getSid()).setAttributes("{\"channel\":\"chat\"}")
                    .create(fixtures.client);

            List<CallbackFailed> failed = TopicReader.recordsOfType(Topics.TASKS, task.getSid(), CallbackFailed.TYPE,
                    2).stream().map(EventCallbackTest::decode).toList();
            assertEquals(List.of("task.created", "task-queue.entered"), failed.stream()
                    .map(CallbackFailed::callbackEventType).toList());
            CallbackFailed first = failed.get(0);
            assertEquals(CallbackFailed.EVENT, first.kind());
            URI url = URI.create(endpoint.url("/events"));
            assertEquals(url.getHost() + ":" + url.getPort(), first.host());
            assertEquals(500, first.status());
            assertEquals("callback-http-500", first.failure());
            assertEquals(1, first.attempts());
            assertEquals(ws, first.workspaceSid());
            assertNull(first.reservationSid());

            // both callback.failed records are on the task's partition before task.canceled: once task.canceled
            // is called back, they were consumed, and were not called back
            Task.updater(ws, task.getSid()).setAssignmentStatus(Task.Status.CANCELED).setReason("gone")
                    .update(fixtures.client);
            await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received("/events").stream()
                    .anyMatch(r -> "task.canceled".equals(r.params().get("EventType"))));
            assertEquals(List.of("task.created", "task-queue.entered", "task.canceled"),
                    endpoint.received("/events").stream().map(r -> r.params().get("EventType")).toList());
            assertEquals(0, intentsOfType(task.getSid(), CallbackFailed.TYPE));
            assertEquals(List.of("task.created", "task-queue.entered", "task.canceled"),
                    TopicReader.recordsOfType(Topics.TASKS, task.getSid(), CallbackFailed.TYPE, 3).stream()
                            .map(r -> decode(r).callbackEventType()).toList(), "one failure per event called back");
        }
    }

    private static CallbackFailed decode(ConsumerRecord<String, String> record) {
        return (CallbackFailed) EventCodec.decode(CallbackFailed.TYPE, record.value()).orElseThrow();
    }

    private static int intentsOfType(String taskSid, String eventType) throws Exception {
        try (Connection c = PostgresDatabase.connect("task_router_test");
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM callback_intent WHERE task_sid = ?"
                        + " AND event_type = ?")) {
            ps.setString(1, taskSid);
            ps.setString(2, eventType);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
