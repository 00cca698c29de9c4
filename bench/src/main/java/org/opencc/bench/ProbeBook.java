package org.opencc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The probes of the {@code live-stats} benchmark: each one a task entering a queue nobody has seen before, sent at
 * a known time; it is visible when the first live snapshot listing that queue with a pending task arrives. Shared
 * by the thread sending probes and the thread reading the stream.
 */
final class ProbeBook {
    /** One probe: the new queue, its one task, when its {@code task-queue.entered} was handed to the producer. */
    record Probe(String queueSid, String taskSid, long sentNanos, boolean measured) {}

    /** A probe that became visible, and when. */
    record Seen(Probe probe, long arrivalNanos) {
        long latencyNanos() {
            return arrivalNanos - probe.sentNanos;
        }
    }

    private final Map<String, Probe> outstanding = new LinkedHashMap<>();
    private final List<Seen> seen = new ArrayList<>();

    /** Registers a probe before its event is sent, so a snapshot can never list it before the book knows it. */
    synchronized void sending(Probe probe) {
        outstanding.put(probe.queueSid(), probe);
    }

    /** Marks every outstanding probe whose queue the snapshot lists with {@code pending >= 1} as visible. */
    synchronized void snapshot(JsonNode queues, long arrivalNanos) {
        if (outstanding.isEmpty()) {
            return;
        }
        for (JsonNode queue : queues) {
            if (queue.path("pending").asLong() >= 1) {
                Probe probe = outstanding.remove(queue.path("task_queue_sid").asText());
                if (probe != null) {
                    seen.add(new Seen(probe, arrivalNanos));
                }
            }
        }
        notifyAll();
    }

    /** The probe waiting longest, or null when every probe was seen. */
    synchronized Probe oldestOutstanding() {
        return outstanding.isEmpty() ? null : outstanding.values().iterator().next();
    }

    synchronized int outstandingCount() {
        return outstanding.size();
    }

    /** Waits until every probe was seen or {@code deadlineNanos} passed; true when every probe was seen. */
    synchronized boolean awaitAll(long deadlineNanos) throws InterruptedException {
        long remaining;
        while (!outstanding.isEmpty() && (remaining = deadlineNanos - System.nanoTime()) > 0) {
            wait(Math.max(1, remaining / 1_000_000));
        }
        return outstanding.isEmpty();
    }

    /** The measured probes seen so far, in the order they became visible. */
    synchronized List<Seen> measured() {
        return seen.stream().filter(s -> s.probe().measured()).toList();
    }
}
