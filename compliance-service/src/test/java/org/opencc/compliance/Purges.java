package org.opencc.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opencc.compliance.AuditEvents.Envelope;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.contracts.compliance.PurgeRequested;
import org.opencc.testsupport.kafka.KafkaBroker;

/**
 * Retention purges on the test broker: the {@code retention.purge.requested} compliance-service published, and the
 * other services' {@code retention.purge.completed} answers as they would send them.
 */
final class Purges {
    /** The services besides compliance-service itself, which answers its own purges. */
    static final List<String> OTHERS = List.of("channel-gateway", "task-router", "agent-context",
            "reporting-service");

    private Purges() {}

    /** Publishes a service's answer, as that service would. */
    static void answer(String purgeId, String service, String dataClass, long records) {
        AuditEvents.publish(Envelope.of(new PurgeCompleted(purgeId, service, dataClass, records, Instant.now()),
                "/cc/" + service, AuditEvents.newTraceparent()));
    }

    /**
     * For each purge id, its first publication with at least {@code attempt}, read from cc.compliance.v1.
     *
     * @throws AssertionError when one has not been published so within {@code within}
     */
    static Map<String, PurgeRequested> awaitRequested(Collection<String> purgeIds, int attempt, Duration within) {
        Map<String, PurgeRequested> found = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "purge-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.COMPLIANCE));
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!purgeIds.contains(record.key()) || found.containsKey(record.key())) {
                        continue;
                    }
                    EventCodec.decode(PurgeRequested.TYPE, record.value()).map(PurgeRequested.class::cast)
                            .filter(purge -> purge.attempt() >= attempt)
                            .ifPresent(purge -> found.put(purge.purgeId(), purge));
                }
                if (found.keySet().containsAll(purgeIds)) {
                    return found;
                }
            }
        }
        throw new AssertionError("purges published with attempt >= " + attempt + " within " + within + ": "
                + found.keySet() + ", expected " + purgeIds);
    }
}
