package org.opencc.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.testsupport.kafka.KafkaBroker;

/** Reads a topic from the start with a throw-away consumer group. */
public final class TopicRecords {
    private TopicRecords() {}

    /** Every record with {@code key} seen on {@code topic} until the deadline, or as soon as one is found. */
    public static List<ConsumerRecord<String, String>> withKey(String topic, String key, Duration deadline) {
        return withKeyUntil(topic, key, found -> !found.isEmpty(), deadline);
    }

    /**
     * Every record with {@code key} seen on {@code topic} until the deadline, or as soon as {@code done} holds for
     * the records found so far; then whatever else is already on the topic for the key.
     */
    public static List<ConsumerRecord<String, String>> withKeyUntil(String topic, String key,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration deadline) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant end = Instant.now().plus(deadline);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (!done.test(found) && Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
            // whatever else is already on the topic for this key (a duplicate would show here)
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    /** The records of one CloudEvents type ({@code ce_type}). */
    public static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records,
            String type) {
        return records.stream().filter(record -> type.equals(header(record, "ce_type"))).toList();
    }

    /** The records of one CloudEvents type, decoded. */
    public static <T extends DomainEvent> List<T> decoded(List<ConsumerRecord<String, String>> records, String type,
            Class<T> kind) {
        return ofType(records, type).stream()
                .map(record -> kind.cast(EventCodec.decode(type, record.value()).orElseThrow())).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
