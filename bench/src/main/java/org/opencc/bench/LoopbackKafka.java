package org.opencc.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opencc.contracts.CloudEventHeaders;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.testsupport.kafka.KafkaBroker;

/**
 * Clients of this JVM's Kafka broker ({@link KafkaBroker#shared()}, on loopback), configured alike for every
 * benchmark so that their numbers compare: producers as the services' outbox relay publishes (acks=all,
 * idempotent), consumers that read assigned partitions without a group (no rebalance in the measurement).
 */
final class LoopbackKafka {
    private static volatile boolean used;

    private LoopbackKafka() {}

    static KafkaBroker broker() {
        used = true;
        return KafkaBroker.shared();
    }

    /** Whether this JVM's broker was started (by a benchmark, or a suite using it). */
    static boolean used() {
        return used;
    }

    /** Creates {@code topic} with one partition unless it exists. */
    static void ensureTopic(String topic) throws InterruptedException, TimeoutException {
        try (Admin admin = broker().admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        }
    }

    /** acks=all, idempotent, linger 0 unless {@code overrides} say otherwise. */
    static KafkaProducer<String, String> producer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /**
     * A task event as task-router's outbox relay publishes it: to its topic, keyed by task, with the CloudEvents
     * headers the services read (a fresh id and a fresh sampled trace).
     */
    static ProducerRecord<String, String> taskEvent(TaskEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(),
                EventCodec.encode(event));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TRACEPARENT, ("00-" + Sid.hex(32) + "-" + Sid.hex(16) + "-01")
                .getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** A consumer without a group, used by one thread only. */
    static KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-" + UUID.randomUUID());
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Assigns every partition of {@code topic} positioned at its end, so only later records are read. */
    static void assignAtEnd(KafkaConsumer<String, String> consumer, String topic) throws InterruptedException {
        List<TopicPartition> partitions = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // a topic created moments ago may not be in the broker's metadata yet
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                Thread.sleep(100);
            }
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions after 30 s");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the lazy seek now, before anything is produced
        partitions.forEach(consumer::position);
    }
}
