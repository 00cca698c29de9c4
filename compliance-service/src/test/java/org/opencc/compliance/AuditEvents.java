package org.opencc.compliance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.testsupport.kafka.KafkaBroker;

/**
 * Publishes records to the test broker the way the outbox relay does (CloudEvents headers and traceparent), and
 * reads what a topic holds.
 */
final class AuditEvents {
    static final String GATEWAY = "/cc/channel-gateway";
    static final String ROUTER = "/cc/task-router";
    static final String AGENT_CONTEXT = "/cc/agent-context";

    private AuditEvents() {}

    /** One record to publish: the envelope and the value as JSON text. */
    record Envelope(String topic, String key, String id, String type, String source, String subject,
            String traceparent, String value) {
        /** A decoded contracts event with a fresh ce_id. */
        static Envelope of(DomainEvent event, String source, String traceparent) {
            return new Envelope(event.topic(), event.key(), UUID.randomUUID().toString(), event.type(), source,
                    event.subject(), traceparent, EventCodec.encode(event));
        }
    }

    /** Publishes the records in order and waits until the broker has them. */
    static void publish(Envelope... envelopes) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (Envelope e : envelopes) {
                ProducerRecord<String, String> record = new ProducerRecord<>(e.topic(), e.key(), e.value());
                header(record, "ce_id", e.id());
                header(record, "ce_type", e.type());
                header(record, "ce_source", e.source());
                header(record, "ce_subject", e.subject());
                header(record, "ce_specversion", "1.0");
                header(record, "traceparent", e.traceparent());
                producer.send(record);
            }
            producer.flush();
        }
    }

    /**
     * The first record on the topic with the key, read from the beginning by a fresh group for up to 5 s; empty
     * when none arrived by then (callers poll this within their own deadline).
     */
    static Optional<ConsumerRecord<String, String>> firstWithKey(String topic, String key) {
        return firstWithKeyAndType(topic, key, null);
    }

    /** Like {@link #firstWithKey}, the first record with the key and the {@code ce_type} (any type when null). */
    static Optional<ConsumerRecord<String, String>> firstWithKeyAndType(String topic, String key, String type) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && (type == null || type.equals(header(record, "ce_type")))) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A fresh W3C traceparent, so a test's entries and spans can be told apart by trace id. */
    static String newTraceparent() {
        return "00-" + hex(32) + "-" + hex(16) + "-01";
    }

    static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    /** A header's value as text, null when the record has none. */
    static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
