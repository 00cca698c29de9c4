package org.opencc.testsupport.erasure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.contracts.compliance.ErasureRequested;
import org.opencc.testsupport.kafka.KafkaBroker;

/**
 * Erasure requests as compliance-service publishes them, and the services' answers, for each service's erasure
 * test: {@link #publish} an {@code erasure.requested} to {@code cc.compliance.v1}, then {@link #awaitAnswer} the
 * service's {@code erasure.completed} on {@code cc.compliance-acks.v1}.
 */
public final class ErasureRequests {
    private ErasureRequests() {}

    /** Publishes a request (a fresh {@code ce_id} each time, as compliance-service does for a retry). */
    public static void publish(String requestId, List<String> customerKeys, int attempt) {
        send(new ErasureRequested(requestId, customerKeys, attempt, Instant.now()));
    }

    /** Publishes a service's answer, as that service would (for tests of compliance-service's tracking). */
    public static void answer(String requestId, String service, long records) {
        send(new ErasureCompleted(requestId, service, records, Instant.now()));
    }

    private static void send(org.opencc.contracts.DomainEvent event) {
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
     * The answers of {@code service} to {@code requestId}, once at least {@code count} arrived, oldest first.
     *
     * @throws AssertionError when they do not arrive within {@code within}
     */
    public static List<ErasureCompleted> awaitAnswers(String requestId, String service, int count,
            Duration within) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.COMPLIANCE_ACKS));
            List<ErasureCompleted> answers = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!requestId.equals(record.key())) {
                        continue;
                    }
                    EventCodec.decode(ErasureCompleted.TYPE, record.value())
                            .map(ErasureCompleted.class::cast)
                            .filter(answer -> service.equals(answer.service()))
                            .ifPresent(answers::add);
                }
                if (answers.size() >= count) {
                    return answers;
                }
            }
            throw new AssertionError(service + " answered erasure " + requestId + " " + answers.size()
                    + " time(s) within " + within + ", expected " + count);
        }
    }

    /** The customer keys of the first {@code erasure.requested} of the request on cc.compliance.v1. */
    public static List<String> awaitPublished(String requestId, Duration within) {
        return requests(requestId, 1, within).get(0).customerKeys();
    }

    /** The highest {@code attempt} published for the request, once it reached {@code attempt}. */
    public static int awaitAttempts(String requestId, int attempt, Duration within) {
        return requests(requestId, attempt, within).stream().mapToInt(ErasureRequested::attempt).max().orElse(0);
    }

    private static List<ErasureRequested> requests(String requestId, int attempt, Duration within) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.COMPLIANCE));
            List<ErasureRequested> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (requestId.equals(record.key())) {
                        EventCodec.decode(ErasureRequested.TYPE, record.value()).map(ErasureRequested.class::cast)
                                .ifPresent(seen::add);
                    }
                }
                if (seen.stream().anyMatch(r -> r.attempt() >= attempt)) {
                    return seen;
                }
            }
            throw new AssertionError("erasure " + requestId + " was not published with attempt " + attempt
                    + " within " + within + " (seen " + seen.size() + ")");
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer());
    }

    /** A fresh request id ({@code ER} + 32 hex). */
    public static String newRequestId() {
        return "ER" + UUID.randomUUID().toString().replace("-", "");
    }
}
