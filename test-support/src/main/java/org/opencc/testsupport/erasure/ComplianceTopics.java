package org.opencc.testsupport.erasure;

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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.testsupport.kafka.KafkaBroker;

/** Publishing to and reading from the compliance topics on the test broker, for erasure and purge requests. */
final class ComplianceTopics {
    private ComplianceTopics() {}

    /** Publishes {@code event} with a fresh {@code ce_id}, as its producer would. */
    static void send(DomainEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(),
                EventCodec.encode(event));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/cc/test".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record);
            producer.flush();
        }
    }

    /**
     * The events of {@code type} keyed {@code key} on {@code topic} (from its start) that match {@code wanted},
     * oldest first, once {@code done} holds for them.
     *
     * @throws AssertionError naming {@code what} when that does not happen within {@code within}
     */
    static <T extends DomainEvent> List<T> await(String topic, String key, String type, Class<T> as,
            Predicate<T> wanted, Predicate<List<T>> done, Duration within, String what) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "compliance-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<T> seen = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        EventCodec.decode(type, record.value()).map(as::cast).filter(wanted).ifPresent(seen::add);
                    }
                }
                if (done.test(seen)) {
                    return seen;
                }
            }
            throw new AssertionError(what + " within " + within + " (seen " + seen.size() + ")");
        }
    }
}
