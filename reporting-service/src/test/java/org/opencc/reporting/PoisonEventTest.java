package org.opencc.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencc.reporting.LiveEvents.counts;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.publishRaw;
import static org.opencc.reporting.LiveEvents.sid;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Events are consumed a batch at a time in one transaction; a record that cannot be applied must not cost its
 * batch: it goes to the dead-letter topic with the reason, and the events around it are applied.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class PoisonEventTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String DLQ = Topics.deadLetter(Topics.TASKS, "reporting-service");

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheEventsAroundItAreApplied() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        // same key as the task's events: one partition, in order, most likely in one polled batch
        publish(task.created());
        String poison = publishRaw(Topics.TASKS, task.taskSid, TaskCreated.TYPE, "{\"task_sid\": [not json");
        publish(task.entered(Instant.now()));

        await().atMost(DEADLINE).until(() -> List.of(1, 0, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));
        ConsumerRecord<String, String> dead = deadLetter(poison);
        assertEquals("{\"task_sid\": [not json", dead.value());
        assertEquals(task.taskSid, dead.key());
        assertEquals(Topics.TASKS, header(dead, "dead-letter-topic"));
        assertTrue(header(dead, "dead-letter-reason").contains(TaskCreated.TYPE), header(dead, "dead-letter-reason"));
        assertEquals(TaskCreated.TYPE, header(dead, "ce_type"));
    }

    /** The record on the dead-letter topic whose {@code ce_id} is {@code eventId}, polled with a deadline. */
    private static ConsumerRecord<String, String> deadLetter(String eventId) {
        AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "poison-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(DLQ));
            await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (eventId.equals(header(record, "ce_id"))) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
