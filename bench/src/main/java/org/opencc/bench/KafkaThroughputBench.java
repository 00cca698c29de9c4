package org.opencc.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka ceiling: as many 100-byte records as the producer takes (acks=all, idempotent, linger 5 ms so
 * batches form) to a one-partition topic, until the consumer has them all; records per second from the first
 * send to the last receipt. A number for capacity planning, not for latency.
 */
final class KafkaThroughputBench implements Benchmark {
    static final String NAME = "kafka-throughput";
    static final String TOPIC = "bench.throughput";
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private final int records;

    KafkaThroughputBench(BenchOptions options) {
        records = options.count(200_000, 20_000);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Map<String, Result> earlier) throws Exception {
        LoopbackKafka.ensureTopic(TOPIC);
        AtomicInteger received = new AtomicInteger();
        AtomicLong lastReceived = new AtomicLong();
        AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = LoopbackKafka.consumer()) {
                LoopbackKafka.assignAtEnd(consumer, TOPIC);
                ready.countDown();
                while (received.get() < records && System.nanoTime() < deadline) {
                    int count = consumer.poll(Duration.ofMillis(100)).count();
                    if (count > 0) {
                        received.addAndGet(count);
                        lastReceived.set(System.nanoTime());
                    }
                }
            } catch (Throwable e) {
                consumerFailure.set(e);
            } finally {
                ready.countDown();
            }
        }, "bench-throughput-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
        try {
            if (!ready.await(30, TimeUnit.SECONDS) || consumerFailure.get() != null) {
                throw new IllegalStateException("the throughput consumer did not start", consumerFailure.get());
            }
            String value = "x".repeat(100);
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            long firstSent = System.nanoTime();
            try (KafkaProducer<String, String> producer = LoopbackKafka.producer(Map.of(
                    ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024))) {
                for (int i = 0; i < records && sendFailure.get() == null; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, value), (metadata, e) -> {
                        if (e != null) {
                            sendFailure.compareAndSet(null, e);
                        }
                    });
                }
                producer.flush();
            }
            if (sendFailure.get() != null) {
                throw new IllegalStateException("a send failed", sendFailure.get());
            }
            consumerThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (consumerFailure.get() != null) {
                throw new IllegalStateException("the throughput consumer failed", consumerFailure.get());
            }
            if (received.get() < records) {
                throw new IllegalStateException("only " + received.get() + " of " + records
                        + " records arrived within " + DEADLINE);
            }
            double rate = Latencies.rate(records, lastReceived.get() - firstSent);
            return new Result(NAME, "BENCH " + NAME + " records=" + records + " max=" + Latencies.perSecond(rate, 0),
                    Map.of("rate", rate));
        } finally {
            consumerThread.interrupt();
            consumerThread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
