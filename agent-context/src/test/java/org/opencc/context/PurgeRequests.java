package org.opencc.context;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.contracts.compliance.PurgeRequested;
import org.opencc.testsupport.kafka.KafkaBroker;

/**
 * Retention purges as compliance-service publishes them, and the services' answers, the way test-support's
 * {@code ErasureRequests} does it for erasures: {@link #publish} a {@code retention.purge.requested} to
 * {@code cc.compliance.v1}, then {@link #awaitAnswers} the {@code retention.purge.completed} on
 * {@code cc.compliance-acks.v1}.
 */
final class PurgeRequests {
    private PurgeRequests() {}

    /** A fresh purge id ({@code PG} + 32 hex). */
    static String newPurgeId() {
        return "PG" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Publishes a purge request (a fresh {@code ce_id} each time, as compliance-service does for a retry). */
    static void publish(PurgeRequested purge) {
        ProducerRecord<String, String> record = new ProducerRecord<>(purge.topic(), purge.key(),
                EventCodec.encode(purge));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", purge.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/cc/test".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record);
            producer.flush();
        }
    }

    /**
     * The answers of {@code service} to {@code purgeId}, once at least {@code count} arrived, oldest first.
     *
     * @throws AssertionError when they do not arrive within {@code within}
     */
    static List<PurgeCompleted> awaitAnswers(String purgeId, String service, int count, Duration within) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "purge-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.COMPLIANCE_ACKS));
            List<PurgeCompleted> answers = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!purgeId.equals(record.key())) {
                        continue;
                    }
                    EventCodec.decode(PurgeCompleted.TYPE, record.value())
                            .map(PurgeCompleted.class::cast)
                            .filter(answer -> service.equals(answer.service()))
                            .ifPresent(answers::add);
                }
                if (answers.size() >= count) {
                    return answers;
                }
            }
            throw new AssertionError(service + " answered purge " + purgeId + " " + answers.size()
                    + " time(s) within " + within + ", expected " + count);
        }
    }

    /** A purge of {@code dataClass} as the policy's scheduler would request it (attempt 1, requested now). */
    static PurgeRequested request(String purgeId, String dataClass, Instant defaultCutoff,
            Map<String, Instant> countryCutoffs, List<String> heldCustomerKeys, List<String> heldInteractionIds,
            int attempt) {
        return new PurgeRequested(purgeId, dataClass, "test-policy", defaultCutoff, countryCutoffs,
                heldCustomerKeys, heldInteractionIds, attempt, Instant.now());
    }
}
