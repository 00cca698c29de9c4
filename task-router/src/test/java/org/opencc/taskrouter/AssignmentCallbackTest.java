package org.opencc.taskrouter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.WorkflowCreator;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import com.twilio.security.RequestValidator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.CloudEventHeaders;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.CallbackFailed;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.tracing.SpanFile;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class AssignmentCallbackTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    RouterFixtures fixtures;
    CallbackEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        fixtures = new RouterFixtures(base);
        endpoint = new CallbackEndpoint();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void theAssignmentCallbackCarriesTwiliosParametersAndAValidSignature() {
        String url = endpoint.url("/assign");
        Routed routed = route(url, null);
        CallbackEndpoint.Received request = await().atMost(DEADLINE).until(() -> endpoint.received("/assign"),
                r -> !r.isEmpty()).get(0);
        Map<String, String> p = request.params();
        assertTrue(new RequestValidator(RouterFixtures.AUTH_TOKEN).validate(url, p, request.signature()),
                "the Twilio SDK accepts the signature");
        assertEquals(RouterFixtures.ACCOUNT_SID, p.get("AccountSid"));
        assertEquals(routed.workspaceSid(), p.get("WorkspaceSid"));
        assertEquals(routed.workflowSid(), p.get("WorkflowSid"));
        assertEquals(routed.taskSid(), p.get("TaskSid"));
        assertEquals("{\"channel\":\"sms\"}", p.get("TaskAttributes"));
        assertTrue(Integer.parseInt(p.get("TaskAge")) >= 0);
        assertEquals("0", p.get("TaskPriority"));
        assertEquals(routed.queueSid(), p.get("TaskQueueSid"));
        assertEquals("Support", p.get("TaskQueueFriendlyName"));
        assertEquals(routed.workerSid(), p.get("WorkerSid"));
        assertEquals("alice", p.get("WorkerName"));
        assertEquals("{\"skills\":[\"support\"]}", p.get("WorkerAttributes"));
        assertTrue(p.get("ReservationSid").startsWith("WR"));
        assertEquals("sent", await().atMost(DEADLINE).until(() -> intent(routed.taskSid()).get("state"),
                "sent"::equals));
    }

    @Test
    void anAcceptInstructionAcceptsTheReservation() {
        endpoint.answer("/assign", 200, "{\"instruction\":\"accept\"}", 0);
        Routed routed = route(endpoint.url("/assign"), null);
        String reservationSid = await().atMost(DEADLINE).until(() -> endpoint.received("/assign"),
                r -> !r.isEmpty()).get(0).params().get("ReservationSid");
        await().atMost(DEADLINE).until(() -> Reservation.fetcher(routed.workspaceSid(), routed.workerSid(),
                reservationSid).fetch(fixtures.client).getReservationStatus() == Reservation.Status.ACCEPTED);
        assertEquals(Task.Status.ASSIGNED, Task.fetcher(routed.workspaceSid(), routed.taskSid())
                .fetch(fixtures.client).getAssignmentStatus());
        Map<String, String> intent = await().atMost(DEADLINE).until(() -> intent(routed.taskSid()),
                i -> "sent".equals(i.get("state")));
        assertEquals("accept", intent.get("instruction"));
    }

    @Test
    void aServerErrorFromThePrimaryGoesToTheFallback() throws Exception {
        endpoint.answer("/primary", 500, "", 0);
        Routed routed = route(endpoint.url("/primary"), endpoint.url("/fallback"));
        CallbackEndpoint.Received fallback = await().atMost(DEADLINE).until(() -> endpoint.received("/fallback"),
                r -> !r.isEmpty()).get(0);
        assertEquals(1, endpoint.received("/primary").size());
        assertTrue(new RequestValidator(RouterFixtures.AUTH_TOKEN).validate(endpoint.url("/fallback"),
                fallback.params(), fallback.signature()), "the fallback request is signed for its own URL");
        Map<String, String> intent = await().atMost(DEADLINE).until(() -> intent(routed.taskSid()),
                i -> "sent".equals(i.get("state")));
        assertEquals("fallback", intent.get("answered_by"));
        assertEquals("primary: callback-http-500; fallback: ok", intent.get("last_error"));
        await().atMost(DEADLINE).until(() -> callbackSpan(routed.taskSid(), "callback-http-500"));
    }

    @Test
    void aPrimarySlowerThanTheTimeoutIsATimeoutAndGoesToTheFallback() {
        endpoint.answer("/slow", 200, "", 2500);
        Routed routed = route(endpoint.url("/slow"), endpoint.url("/fallback"));
        await().atMost(DEADLINE).until(() -> endpoint.received("/fallback"), r -> !r.isEmpty());
        Map<String, String> intent = await().atMost(DEADLINE).until(() -> intent(routed.taskSid()),
                i -> "sent".equals(i.get("state")));
        assertEquals("primary: callback-timeout; fallback: ok", intent.get("last_error"));
        assertEquals("2", intent.get("attempts"), "the timed-out request is not repeated");
    }

    @Test
    void aRefusedConnectionIsRetriedThenTheCallbackFails() throws Exception {
        Routed routed = route(CallbackEndpoint.refusedUrl(), null);
        Map<String, String> intent = await().atMost(DEADLINE).until(() -> intent(routed.taskSid()),
                i -> "failed".equals(i.get("state")));
        assertEquals("3", intent.get("attempts"));
        assertEquals("callback-refused", intent.get("last_error"));
    }

    @Test
    void aFailedAssignmentCallbackPublishesCallbackFailedNamingOnlyItsHost() throws Exception {
        endpoint.answer("/assign", 500, "", 0);
        Routed routed = route(endpoint.url("/assign") + "?token=s3cr3t", null);

        ConsumerRecord<String, String> record = TopicReader.recordsOfType(Topics.TASKS, routed.taskSid(),
                CallbackFailed.TYPE, 1).get(0);
        CallbackFailed failed = (CallbackFailed) EventCodec.decode(CallbackFailed.TYPE, record.value())
                .orElseThrow();
        assertEquals(CallbackFailed.ASSIGNMENT, failed.kind());
        assertEquals(hostOf(endpoint.url("/")), failed.host());
        assertEquals(500, failed.status());
        assertEquals("callback-http-500", failed.failure());
        assertEquals(1, failed.attempts());
        assertNull(failed.callbackEventType());
        assertEquals(routed.workspaceSid(), failed.workspaceSid());
        assertEquals(endpoint.received("/assign").get(0).params().get("ReservationSid"), failed.reservationSid());
        assertFalse(record.value().contains("/assign") || record.value().contains("s3cr3t"),
                "neither the path nor the query is published: " + record.value());
        assertEquals("failed", intent(routed.taskSid()).get("state"), "recorded in the same transaction");
    }

    @Test
    void whenThePrimaryAndTheFallbackFailCallbackFailedReportsTheFallback() throws Exception {
        endpoint.answer("/fallback", 503, "", 0);
        Routed routed = route(CallbackEndpoint.refusedUrl(), endpoint.url("/fallback"));

        ConsumerRecord<String, String> record = TopicReader.recordsOfType(Topics.TASKS, routed.taskSid(),
                CallbackFailed.TYPE, 1).get(0);
        CallbackFailed failed = (CallbackFailed) EventCodec.decode(CallbackFailed.TYPE, record.value())
                .orElseThrow();
        assertEquals(hostOf(endpoint.url("/")), failed.host(), "the fallback's host, whose answer is reported");
        assertEquals(503, failed.status());
        assertEquals("callback-http-503", failed.failure());
        assertEquals(4, failed.attempts(), "three refused attempts at the primary and one at the fallback");
        assertEquals("primary: callback-refused; fallback: callback-http-503",
                intent(routed.taskSid()).get("last_error"));
    }

    private static String hostOf(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    @Test
    void aRedeliveredReservationCreatedPostsOnlyOnce() throws Exception {
        Routed routed = route(endpoint.url("/assign"), null);
        await().atMost(DEADLINE).until(() -> endpoint.received("/assign"), r -> r.size() == 1);
        ConsumerRecord<String, String> original = TopicReader.recordsOf(Topics.TASKS, routed.taskSid(), 3).stream()
                .filter(r -> "reservation.created".equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
                .findFirst().orElseThrow();
        String originalId = TopicReader.header(original, CloudEventHeaders.ID);
        String markerId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(copy(original, originalId)).get();
            // same key, so same partition: once the marker's callback arrives, the redelivery was consumed
            producer.send(copy(original, markerId)).get();
        }
        await().atMost(DEADLINE).until(() -> endpoint.received("/assign").stream()
                .anyMatch(r -> ("assignment-" + markerId).equals(r.idempotencyToken())));
        List<CallbackEndpoint.Received> all = endpoint.received("/assign");
        assertEquals(2, all.size());
        assertEquals(1, all.stream().filter(r -> ("assignment-" + originalId).equals(r.idempotencyToken()))
                .count());
    }

    private static ProducerRecord<String, String> copy(ConsumerRecord<String, String> original, String id) {
        ProducerRecord<String, String> record = new ProducerRecord<>(original.topic(), original.key(),
                original.value());
        original.headers().forEach(h -> {
            if (!CloudEventHeaders.ID.equals(h.key())) {
                record.headers().add(h);
            }
        });
        record.headers().add(new RecordHeader(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    record Routed(String workspaceSid, String workflowSid, String queueSid, String workerSid, String taskSid) {}

    /** A workspace whose workflow calls {@code url} (and {@code fallback}), an available worker, and a task. */
    private Routed route(String url, String fallback) {
        String ws = Workspace.creator("cb-" + UUID.randomUUID()).create(fixtures.client).getSid();
        Activity available = Activity.reader(ws).setFriendlyName("Available").read(fixtures.client).iterator().next();
        TaskQueue queue = TaskQueue.creator(ws, "Support").setTargetWorkers("skills HAS 'support'")
                .create(fixtures.client);
        WorkflowCreator creator = Workflow.creator(ws, "Routing", "{\"task_routing\":{\"filters\":[],"
                + "\"default_filter\":{\"queue\":\"" + queue.getSid() + "\"}}}").setTaskReservationTimeout(120)
                .setAssignmentCallbackUrl(url);
        if (fallback != null) {
            creator.setFallbackAssignmentCallbackUrl(fallback);
        }
        Workflow workflow = creator.create(fixtures.client);
        Worker worker = Worker.creator(ws, "alice").setAttributes("{\"skills\":[\"support\"]}")
                .setActivitySid(available.getSid()).create(fixtures.client);
        Task task = Task.creator(ws).setWorkflowSid(workflow.getSid()).setAttributes("{\"channel\":\"sms\"}")
                .create(fixtures.client);
        return new Routed(ws, workflow.getSid(), queue.getSid(), worker.getSid(), task.getSid());
    }

    /** The task's assignment-callback intent row, as text; empty when there is none yet. */
    static Map<String, String> intent(String taskSid) throws Exception {
        Map<String, String> row = new LinkedHashMap<>();
        try (Connection c = PostgresDatabase.connect("task_router_test");
                PreparedStatement ps = c.prepareStatement("SELECT state, attempts, answered_by, response_status,"
                        + " instruction, last_error FROM callback_intent WHERE task_sid = ? AND kind = 'assignment'")) {
            ps.setString(1, taskSid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    for (String column : List.of("state", "attempts", "answered_by", "response_status",
                            "instruction", "last_error")) {
                        row.put(column, rs.getString(column));
                    }
                }
            }
        }
        return row;
    }

    private static boolean callbackSpan(String taskSid, String failure) {
        for (JsonNode span : SpanFile.read()) {
            JsonNode attributes = span.path("attributes");
            if ("CallbackClient.post".equals(span.path("name").asText())
                    && taskSid.equals(attributes.path("cc.task_sid").asText())
                    && failure.equals(attributes.path("cc.failure").asText())) {
                assertEquals("webhook", attributes.path("cc.stage").asText());
                assertNotNull(span.path("parent_span_id").textValue(), "a child of the consumer span");
                return true;
            }
        }
        return false;
    }
}
