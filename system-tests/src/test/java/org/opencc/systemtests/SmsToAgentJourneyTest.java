package org.opencc.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.process.LocalSuite;
import org.opencc.testsupport.tracing.SpanFile;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * The foundation journey across separately running services: a signed SMS webhook becomes a task that waits in
 * its queue until an agent comes on shift, is reserved to that agent, who accepts it through the official Twilio
 * Java SDK and reads the customer's context (another agent may not); the gateway learns who has it; the live
 * queue view moves from pending to assigned; the audit trail has every step; and one trace runs from the
 * webhook through task-router, compliance-service and reporting-service, with the context read linked to it.
 */
class SmsToAgentJourneyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSuite suite;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSuite() throws Exception {
        suite = LocalSuite.start(Path.of(System.getProperty("cc.repository.root", "..")), "systest");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void signedSmsReachesAnAgentWhoReadsTheContextAndTheWholeStoryIsAuditedCountedAndTraced() throws Exception {
        TwilioRestClient twilio = TwilioClients.forBaseUrl(suite.url("task-router"), suite.routerAccountSid,
                suite.routerAuthToken);
        Workspace workspace = Workspace.creator("Journey " + UUID.randomUUID()).create(twilio);
        Activity available = Activity.creator(workspace.getSid(), "On shift").setAvailable(true).create(twilio);
        TaskQueue queue = TaskQueue.creator(workspace.getSid(), "Support").setTargetWorkers("skills HAS 'support'")
                .create(twilio);
        Workflow workflow = Workflow.creator(workspace.getSid(), "Messaging", "{\"task_routing\":{\"filters\":[{"
                + "\"filter_friendly_name\":\"SMS\",\"expression\":\"channel == 'sms'\",\"targets\":[{\"queue\":\""
                + queue.getSid() + "\"}]}]}}").create(twilio);
        // the agent starts offline, so the task waits in the queue first: the live view shows it pending
        Worker agent = Worker.creator(workspace.getSid(), "agent-" + UUID.randomUUID())
                .setAttributes("{\"skills\":[\"support\"]}").create(twilio);

        String number = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        HttpResponse<String> mapped = http.send(HttpRequest.newBuilder(URI.create(suite.url("channel-gateway")
                + "/v1/numbers/" + URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + suite.token("admin", null))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"workspace_sid\":\"" + workspace.getSid()
                        + "\",\"workflow_sid\":\"" + workflow.getSid() + "\",\"region\":\"local\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, mapped.statusCode(), mapped.body());

        // Twilio retries webhooks: the same message five times is one interaction and one task
        Map<String, String> sms = sms(number);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> webhook = post(sms);
            assertEquals(200, webhook.statusCode(), webhook.body());
            assertTrue(webhook.body().contains("<Response"), webhook.body());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode live = liveQueue(workspace.getSid(), queue.getSid());
            assertEquals(1, live.path("pending").asInt(), live.toString());
            assertEquals(0, live.path("available_workers").asInt(), live.toString());
        });
        Worker.updater(workspace.getSid(), agent.getSid()).setActivitySid(available.getSid()).update(twilio);

        Reservation pending = await().atMost(Duration.ofSeconds(60)).until(() -> {
            var it = Reservation.reader(workspace.getSid(), agent.getSid())
                    .setReservationStatus(Reservation.Status.PENDING).read(twilio).iterator();
            return it.hasNext() ? it.next() : null;
        }, r -> r != null);
        Reservation accepted = Reservation.updater(workspace.getSid(), agent.getSid(), pending.getSid())
                .setReservationStatus(Reservation.Status.ACCEPTED).update(twilio);
        assertEquals(Reservation.Status.ACCEPTED, accepted.getReservationStatus());
        Task task = Task.fetcher(workspace.getSid(), pending.getTaskSid()).fetch(twilio);
        List<Task> tasks = new ArrayList<>();
        Task.reader(workspace.getSid()).read(twilio).forEach(tasks::add);
        assertEquals(1, tasks.size(), "five deliveries of one webhook made one task");
        assertEquals(Task.Status.ASSIGNED, task.getAssignmentStatus());
        assertFalse(task.getAttributes().contains(number.substring(1)), "no phone number in task attributes");
        String interactionId = JSON.readTree(task.getAttributes()).get("interaction_id").asText();

        // the agent reads the customer's context; another agent may not
        // (a generous budget: the demo CRM's first answer from a cold JVM may take longer than the default 300 ms)
        HttpResponse<String> context = get(suite.url("agent-context") + "/v1/tasks/" + task.getSid()
                + "/context?budget_ms=2000", suite.token("agent", agent.getSid()));
        assertEquals(200, context.statusCode(), context.body());
        JsonNode contextBody = JSON.readTree(context.body());
        assertEquals("ok", contextBody.path("sources").get(0).path("status").asText(), context.body());
        assertEquals(interactionId, contextBody.path("interaction_id").asText());
        assertFalse(contextBody.path("customer").isNull(), context.body());
        HttpResponse<String> someoneElse = get(suite.url("agent-context") + "/v1/tasks/" + task.getSid()
                + "/context", suite.token("agent", "WK" + UUID.randomUUID().toString().replace("-", "")));
        assertEquals(403, someoneElse.statusCode(), someoneElse.body());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode live = liveQueue(workspace.getSid(), queue.getSid());
            assertEquals(0, live.path("pending").asInt(), live.toString());
            assertEquals(1, live.path("assigned").asInt(), live.toString());
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> audit = get(suite.url("compliance-service") + "/v1/audit?interaction_id="
                    + interactionId, suite.token("compliance", null));
            assertEquals(200, audit.statusCode(), audit.body());
            List<String> types = new ArrayList<>();
            JSON.readTree(audit.body()).path("entries").forEach(e -> types.add(e.path("event_type").asText()));
            assertTrue(types.containsAll(List.of("interaction.created", "task.created", "reservation.created",
                    "reservation.accepted", "interaction.assigned", "context.served")), types.toString());
            assertFalse(audit.body().contains(number), "no phone number in the audit trail");
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode interaction = JSON.readTree(getInteraction(interactionId));
            assertEquals(agent.getSid(), interaction.path("worker_sid").asText());
            assertEquals("assigned", interaction.path("status").asText());
        });

        // the webhook's server span starts the interaction's trace ...
        String traceId = await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<JsonNode> webhookSpans = SpanFile.read(suite.spansFile("channel-gateway")).stream()
                    .filter(s -> "SERVER".equals(s.path("kind").asText()))
                    .filter(s -> SpanFile.hasAttribute(s, "cc.interaction_id", interactionId)).toList();
            List<JsonNode> originals = webhookSpans.stream()
                    .filter(s -> !SpanFile.hasAttribute(s, "cc.duplicate", "true")).toList();
            return webhookSpans.size() == 5 && originals.size() == 1 ? originals.get(0).path("trace_id").asText()
                    : null;
        }, id -> id != null);
        // ... which task-router's reservation.created event carries
        String published = header(reservationCreated(task.getSid()), "traceparent");
        assertEquals(traceId, published.split("-")[1], "reservation.created is in the webhook's trace");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> routing = SpanFile.read(suite.spansFile("task-router")).stream()
                    .filter(s -> traceId.equals(s.path("trace_id").asText())).toList();
            assertTrue(routing.stream().anyMatch(s -> SpanFile.hasAttribute(s, "cc.task_sid", task.getSid())),
                    "task-router's routing spans are in the webhook's trace: " + routing);
            for (String consumer : List.of("compliance-service", "reporting-service")) {
                assertTrue(SpanFile.read(suite.spansFile(consumer)).stream()
                        .anyMatch(s -> traceId.equals(s.path("trace_id").asText())
                                && "CONSUMER".equals(s.path("kind").asText())),
                        consumer + " consumed the creation path's events in the webhook's trace");
            }
            // the context read is its own trace, linked to the interaction's
            List<JsonNode> contextReads = SpanFile.read(suite.spansFile("agent-context")).stream()
                    .filter(s -> "SERVER".equals(s.path("kind").asText()))
                    .filter(s -> SpanFile.hasAttribute(s, "cc.interaction_id", interactionId)).toList();
            assertFalse(contextReads.isEmpty(), "the context read's span names the interaction");
            assertTrue(contextReads.stream().allMatch(s -> SpanFile.linksTo(s, traceId)),
                    "the context read links to the interaction's trace: " + contextReads);
        });
    }

    private static Map<String, String> sms(String to) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("AccountSid", "AC" + "0".repeat(32));
        form.put("From", "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999)));
        form.put("To", to);
        form.put("Body", "My order has not arrived");
        form.put("NumMedia", "0");
        return form;
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        String url = suite.url("channel-gateway") + "/twilio/messaging/inbound";
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", suite.signer().sign(url, form))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The live view's row for one queue (an empty object until the queue appears). */
    private JsonNode liveQueue(String workspaceSid, String queueSid) throws Exception {
        HttpResponse<String> live = get(suite.url("reporting-service") + "/v1/queues/live?workspace_sid="
                + workspaceSid, suite.token("supervisor", null));
        assertEquals(200, live.statusCode(), live.body());
        for (JsonNode row : JSON.readTree(live.body()).path("queues")) {
            if (queueSid.equals(row.path("task_queue_sid").asText())) {
                return row;
            }
        }
        return JSON.createObjectNode();
    }

    private String getInteraction(String interactionId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.url("channel-gateway")
                + "/v1/interactions/" + interactionId)).header("Authorization", "Bearer "
                + suite.token("supervisor", null)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static ConsumerRecord<String, String> reservationCreated(String taskSid) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "systest-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.TASKS));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (taskSid.equals(r.key()) && "reservation.created".equals(header(r, "ce_type"))) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
