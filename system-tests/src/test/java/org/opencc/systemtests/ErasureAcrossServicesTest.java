package org.opencc.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.process.LocalSuite;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * The right to be forgotten, across every service: after a whole interaction (SMS in, routed, accepted, context
 * read, completed), an erasure request by phone number completes in all five services, and then neither any
 * service's database nor any topic holds the customer's number or a word of their messages.
 */
class ErasureAcrossServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSuite suite;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSuite() throws Exception {
        suite = LocalSuite.start(Path.of(System.getProperty("cc.repository.root", "..")), "erasure");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void afterAWholeInteractionAnErasureLeavesTheNumberAndTheWordsNowhere() throws Exception {
        TwilioRestClient twilio = TwilioClients.forBaseUrl(suite.url("task-router"), suite.routerAccountSid,
                suite.routerAuthToken);
        OneQueueWorkspace workspace = OneQueueWorkspace.create(twilio, "Erasure");
        String ws = workspace.sid();
        Worker agent = workspace.worker("agent", true);
        String ours = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        assertEquals(201, send("PUT", suite.url("channel-gateway") + "/v1/numbers/" + URLEncoder.encode(ours,
                StandardCharsets.UTF_8), suite.token("admin", null), "{\"workspace_sid\":\"" + ws
                + "\",\"workflow_sid\":\"" + workspace.workflow().getSid() + "\",\"region\":\"local\"}").statusCode());

        String customer = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String words = "secret-words-" + UUID.randomUUID();
        assertEquals(200, sms(customer, ours, "hello, " + words).statusCode());
        assertEquals(200, sms(customer, ours, "my account is " + words).statusCode());

        Reservation pending = workspace.pendingReservation(agent.getSid());
        Reservation.updater(ws, agent.getSid(), pending.getSid()).setReservationStatus(Reservation.Status.ACCEPTED)
                .update(twilio);
        HttpResponse<String> context = send("GET", suite.url("agent-context") + "/v1/tasks/" + pending.getTaskSid()
                + "/context?budget_ms=2000", suite.token("agent", agent.getSid()), null);
        assertEquals(200, context.statusCode(), context.body());
        Task.updater(ws, pending.getTaskSid()).setAssignmentStatus(Task.Status.COMPLETED).setReason("resolved")
                .update(twilio);
        // the data is there before the erasure: the search below can find it
        assertTrue(!where(customer.substring(1)).isEmpty(), "the number was stored somewhere");

        HttpResponse<String> requested = send("POST", suite.url("compliance-service") + "/v1/erasure-requests",
                suite.token("compliance", null), "{\"phone_numbers\":[\"" + customer + "\"]}");
        assertEquals(201, requested.statusCode(), requested.body());
        String requestId = JSON.readTree(requested.body()).path("request_id").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> status = send("GET", suite.url("compliance-service") + "/v1/erasure-requests/"
                    + requestId, suite.token("compliance", null), null);
            JsonNode body = JSON.readTree(status.body());
            assertEquals("complete", body.path("status").asText(), status.body());
            assertEquals(5, body.path("services").size(), status.body());
        });

        assertEquals(List.of(), where(customer.substring(1)), "the customer's number is still stored");
        assertEquals(List.of(), where(words), "the customer's words are still stored");
        assertEquals(List.of(), onTopics(Set.of(customer.substring(1), words)),
                "a topic carries the number or the words");
        assertTrue(where(ours.substring(1)).size() > 0, "the search does find what stays (our own number)");
    }

    /** Every text-like column of every service's database that contains {@code needle}, as table.column. */
    private static List<String> where(String needle) throws Exception {
        List<String> found = new ArrayList<>();
        for (String module : suite.modules()) {
            String database = suite.database(module);
            try (Connection c = PostgresDatabase.connect(database)) {
                List<String[]> columns = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name FROM"
                        + " information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text',"
                        + " 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea')");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                for (String[] column : columns) {
                    String sql = "SELECT count(*) FROM \"" + column[0] + "\" WHERE \"" + column[1]
                            + "\"::text LIKE ?";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, "%" + needle + "%");
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next() && rs.getLong(1) > 0) {
                                found.add(database + "." + column[0] + "." + column[1]);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every topic (dead letters included) read from the start: records whose key, value or headers hold a needle. */
    private static List<String> onTopics(Set<String> needles) {
        List<String> found = new ArrayList<>();
        try (Admin admin = KafkaBroker.shared().admin(); KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "erasure-search-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            Set<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith("cc.")).collect(Collectors.toSet());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder().append(record.key()).append(record.value());
                    for (Header header : record.headers()) {
                        text.append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    for (String needle : needles) {
                        if (text.indexOf(needle) >= 0) {
                            found.add(record.topic() + "@" + record.offset());
                        }
                    }
                }
            }
            assertTrue(partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p)),
                    "every topic was read to its end");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private HttpResponse<String> sms(String from, String to, String body) throws Exception {
        return SignedSms.send(suite, http, from, to, body);
    }

    private HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
