package org.opencc.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka baseline: records produced at a fixed rate to a one-partition topic on loopback and consumed by
 * another thread; each value carries its send time, so every record yields its end-to-end latency. The fixed
 * rate (not "as fast as possible") is what makes p50/p99 comparable between runs and machines.
 */
final class KafkaLoopbackBench implements Benchmark {
    static final String NAME = "kafka-loopback";
    static final String TOPIC = "bench.loopback";
    private static final String WARMUP = "w:";
    private static final String MEASURED = "m:";
    private static final Duration DRAIN_DEADLINE = Duration.ofSeconds(30);

    private final int rate;
    private final int warmupRecords;
    private final int records;

    KafkaLoopbackBench(BenchOptions options) {
        rate = options.count(2000, 500);
        warmupRecords = rate * options.count(2, 1);
        records = rate * options.count(10, 2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Map<String, Result> earlier) throws Exception {
        LoopbackKafka.ensureTopic(TOPIC);
        Latencies latencies = new Latencies(records);
        AtomicInteger received = new AtomicInteger();
        AtomicLong lastReceived = new AtomicLong();
        AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((warmupRecords + records) / rate)
                + DRAIN_DEADLINE.toNanos();
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = LoopbackKafka.consumer()) {
                LoopbackKafka.assignAtEnd(consumer, TOPIC);
                ready.countDown();
                while (received.get() < records && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        if (record.value().startsWith(MEASURED)) {
                            latencies.add(now - Long.parseLong(record.value().substring(MEASURED.length())));
                            received.incrementAndGet();
                            lastReceived.set(now);
                        }
                    }
                }
            } catch (Throwable e) {
                consumerFailure.set(e);
            } finally {
                ready.countDown();
            }
        }, "bench-loopback-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
        try {
            if (!ready.await(30, TimeUnit.SECONDS) || consumerFailure.get() != null) {
                throw new IllegalStateException("the loopback consumer did not start", consumerFailure.get());
            }
            long firstSent = produce();
            consumerThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (consumerFailure.get() != null) {
                throw new IllegalStateException("the loopback consumer failed", consumerFailure.get());
            }
            if (received.get() < records) {
                throw new IllegalStateException("only " + received.get() + " of " + records
                        + " records arrived before the deadline");
            }
            double achieved = Latencies.rate(records, lastReceived.get() - firstSent);
            double p50 = latencies.percentileMs(0.50);
            double p99 = latencies.percentileMs(0.99);
            String line = "BENCH " + NAME + " rate=" + rate + "/s records=" + records
                    + " achieved=" + Latencies.perSecond(achieved, 1) + " p50=" + Latencies.ms(p50, 2)
                    + " p99=" + Latencies.ms(p99, 2)
                    + " max=" + Latencies.ms(latencies.maxMs(), 1);
            return new Result(NAME, line, Map.of(Result.P50_MS, p50, Result.P99_MS, p99, "achieved", achieved));
        } finally {
            consumerThread.interrupt();
            consumerThread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Sends warm-up then measured records on the fixed schedule; returns the send time of the first measured. */
    private long produce() throws InterruptedException {
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        long firstSent = 0;
        try (KafkaProducer<String, String> producer = LoopbackKafka.producer(Map.of())) {
            Pacer pacer = new Pacer(rate);
            for (int i = 0; i < warmupRecords + records; i++) {
                pacer.awaitSlot(i);
                long now = System.nanoTime();
                if (i == warmupRecords) {
                    firstSent = now;
                }
                String value = (i < warmupRecords ? WARMUP : MEASURED) + now;
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
        return firstSent;
    }
}
