package org.opencc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.opencc.contracts.CloudEventHeaders;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.ReservationCreated;

/**
 * Watches {@code cc.tasks.v1} for {@code reservation.created} of one workspace and reports each once, with the
 * moment this JVM read it: the end of the webhook-to-reservation path as any downstream consumer sees it.
 */
final class ReservationWatcher implements AutoCloseable {
    /** A reservation as read, {@code readNanos} on {@link System#nanoTime()}'s clock. */
    record Arrival(String taskSid, String reservationSid, long readNanos) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String workspaceSid;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    private ReservationWatcher(String workspaceSid) {
        this.workspaceSid = workspaceSid;
        this.thread = new Thread(this::watch, "bench-reservation-watcher");
        thread.setDaemon(true);
    }

    /** Starts watching from the current end of the topic; returns once positioned. */
    static ReservationWatcher start(String workspaceSid) throws InterruptedException {
        ReservationWatcher watcher = new ReservationWatcher(workspaceSid);
        watcher.thread.start();
        if (!watcher.ready.await(30, TimeUnit.SECONDS) || watcher.failure.get() != null) {
            watcher.close();
            throw new IllegalStateException("the reservation watcher did not start", watcher.failure.get());
        }
        return watcher;
    }

    /** The next reservation not yet handed out, or null when none arrives within {@code timeout}. */
    Arrival next(Duration timeout) throws InterruptedException {
        Arrival arrival = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (arrival == null && failure.get() != null) {
            throw new IllegalStateException("the reservation watcher failed", failure.get());
        }
        return arrival;
    }

    private void watch() {
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = LoopbackKafka.consumer()) {
            LoopbackKafka.assignAtEnd(consumer, Topics.TASKS);
            ready.countDown();
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    if (!ReservationCreated.TYPE.equals(header(record, CloudEventHeaders.TYPE))) {
                        continue;
                    }
                    JsonNode value = JSON.readTree(record.value());
                    String reservationSid = value.path("reservation_sid").asText();
                    // the outbox publishes at least once: a repeat is not a second reservation
                    if (workspaceSid.equals(value.path("workspace_sid").asText()) && seen.add(reservationSid)) {
                        arrivals.add(new Arrival(value.path("task_sid").asText(), reservationSid, now));
                    }
                }
            }
        } catch (Throwable e) {
            if (running) {
                failure.set(e);
            }
        } finally {
            ready.countDown();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(10));
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
