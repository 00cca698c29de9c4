package org.opencc.taskrouter;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opencc.testsupport.kafka.KafkaBroker;

/** Reads a topic from the start, keeping the records of one key, until enough arrived or the deadline passes. */
final class TopicReader {
    private TopicReader() {}

    static List<ConsumerRecord<String, String>> recordsOf(String topic, String key, int expected) {
        return recordsOf(topic, key, r -> true, expected);
    }

    /** The records of {@code key} whose {@code ce_type} is {@code type}, once at least {@code expected} arrived. */
    static List<ConsumerRecord<String, String>> recordsOfType(String topic, String key, String type, int expected) {
        return recordsOf(topic, key, r -> type.equals(header(r, "ce_type")), expected);
    }

    private static List<ConsumerRecord<String, String>> recordsOf(String topic, String key,
            Predicate<ConsumerRecord<String, String>> kept, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key()) && kept.test(r)) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
            return found;
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
