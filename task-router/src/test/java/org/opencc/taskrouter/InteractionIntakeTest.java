package org.opencc.taskrouter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Channel;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** interaction.created on Kafka becomes exactly one routed task, in the interaction's trace. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class InteractionIntakeTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void anInteractionDeliveredFiveTimesOpensOneTaskReservedInTheSameTrace() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        String interactionId = Sids.next("IN");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        String eventId = UUID.randomUUID().toString();
        InteractionCreated event = new InteractionCreated(interactionId, Channel.SMS, setup.workspaceSid(),
                setup.workflowSid(), "ck_0123456789abcdef", "US", "local", Instant.now());

        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 5; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, interactionId,
                        EventCodec.encode(event));
                record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", InteractionCreated.TYPE.getBytes(StandardCharsets.UTF_8));
                record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }

        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Task> tasks = new ArrayList<>();
            Task.reader(setup.workspaceSid()).read(fixtures.client).forEach(tasks::add);
            return tasks.size() == 1 && tasks.get(0).getAssignmentStatus() == Task.Status.RESERVED
                    ? tasks.get(0) : null;
        }, t -> t != null);
        assertTrue(task.getAttributes().contains(interactionId));
        assertTrue(task.getAttributes().contains("\"channel\":\"sms\""));
        assertFalse(task.getAttributes().contains("expected_queue"), "the number declared no expected queue");

        List<ConsumerRecord<String, String>> published = readTasksTopic(task.getSid(), 3);
        assertEquals(List.of("task.created", "task-queue.entered", "reservation.created"), published.stream()
                .map(r -> header(r, "ce_type")).toList());
        for (ConsumerRecord<String, String> record : published) {
            assertTrue(header(record, "traceparent").contains(traceId),
                    record + " continues the interaction's trace");
            assertEquals("/cc/task-router", header(record, "ce_source"));
        }
        assertTrue(published.get(2).value().contains(alice.getSid()));
        // the redeliveries were dropped: still one task once all five records are surely consumed
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
            int n = 0;
            for (Task ignored : Task.reader(setup.workspaceSid()).read(fixtures.client)) {
                n++;
            }
            return n == 1;
        });
    }

    @Test
    void theNumbersExpectedQueueBecomesTheTasksExpectedQueueAttribute() throws Exception {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String interactionId = Sids.next("IN");
        String expectedQueue = Sids.next("WQ");
        InteractionCreated event = new InteractionCreated(interactionId, Channel.WHATSAPP, setup.workspaceSid(),
                setup.workflowSid(), "ck_0123456789abcdef", "GB", "local", Instant.now(), expectedQueue);
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, interactionId,
                    EventCodec.encode(event));
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", InteractionCreated.TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Iterator<Task> tasks = Task.reader(setup.workspaceSid()).read(fixtures.client).iterator();
            return tasks.hasNext() ? tasks.next() : null;
        }, t -> t != null);
        JsonNode attributes = new ObjectMapper().readTree(task.getAttributes());
        assertEquals(expectedQueue, attributes.path("expected_queue").asText());
        assertEquals(interactionId, attributes.path("interaction_id").asText());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers()), new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> readTasksTopic(String taskSid, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.TASKS));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (taskSid.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
            return found;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
