package org.opencc.taskrouter.stream;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The open worker event streams of this replica. A stream is woken by the {@code LISTEN} connection
 * ({@link WorkerEventListener}), by the fallback poll, and once when it opens; a woken stream reads the log after the
 * last sequence number it sent, so wakes may be lost, repeated or spurious without losing or duplicating an event.
 */
@ApplicationScoped
public class WorkerStreams {
    private static final Logger LOG = Logger.getLogger(WorkerStreams.class);
    private static final int BATCH = 200;

    private final WorkerEventRepository events;
    private final WorkerEventsConfig config;
    private final Map<String, Set<Subscription>> open = new ConcurrentHashMap<>();

    public WorkerStreams(WorkerEventRepository events, WorkerEventsConfig config) {
        this.events = events;
        this.config = config;
    }

    /** A stream of the worker's events after sequence number {@code after}, with heartbeat comments. */
    public Multi<OutboundSseEvent> open(String workerSid, long after, Sse sse) {
        Multi<OutboundSseEvent> log = Multi.createFrom().emitter(emitter -> {
            Subscription subscription = new Subscription(workerSid, after, emitter, sse);
            open.computeIfAbsent(workerSid, k -> new CopyOnWriteArraySet<>()).add(subscription);
            emitter.onTermination(() -> close(subscription));
            // sends the response headers at once, so clients know the stream is open before any event
            emitter.emit(sse.newEventBuilder().comment("stream of " + workerSid + " after " + after).build());
            subscription.wake();
        });
        Duration heartbeat = config.heartbeat();
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(heartbeat).every(heartbeat)
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(log, heartbeats);
    }

    /** Makes the worker's open streams on this replica read the log. */
    public void wake(String workerSid) {
        Set<Subscription> subscriptions = open.get(workerSid);
        if (subscriptions != null) {
            subscriptions.forEach(Subscription::wake);
        }
    }

    /** Makes every open stream read the log: after notifications may have been missed. */
    public void wakeAll() {
        open.values().forEach(set -> set.forEach(Subscription::wake));
    }

    /** The safety net for lost notifications: one query for all open streams, waking those behind. */
    @Scheduled(every = "${cc.router.worker-events.fallback-poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (open.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> last = events.lastSeqs(List.copyOf(open.keySet()));
            last.forEach((workerSid, seq) -> open.getOrDefault(workerSid, Set.of()).stream()
                    .filter(s -> s.sent < seq).forEach(Subscription::wake));
        } catch (RuntimeException e) {
            LOG.warnf("worker event fallback poll failed, will retry: %s", e.getMessage());
        }
    }

    /** Number of open streams on this replica. */
    public int openStreams() {
        return open.values().stream().mapToInt(Set::size).sum();
    }

    private void close(Subscription subscription) {
        open.computeIfPresent(subscription.workerSid, (k, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }

    /** One client's stream; reads run on the worker pool (JDBC blocks), one at a time. */
    private final class Subscription {
        private static final int IDLE = 0;
        private static final int READING = 1;
        private static final int WOKEN_WHILE_READING = 2;

        final String workerSid;
        final MultiEmitter<? super OutboundSseEvent> emitter;
        final Sse sse;
        final AtomicInteger state = new AtomicInteger(IDLE);
        volatile long sent;

        Subscription(String workerSid, long after, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
            this.workerSid = workerSid;
            this.sent = after;
            this.emitter = emitter;
            this.sse = sse;
        }

        void wake() {
            if (state.getAndSet(WOKEN_WHILE_READING) == IDLE) {
                Infrastructure.getDefaultWorkerPool().execute(this::drain);
            }
        }

        private void drain() {
            do {
                state.set(READING);
                try {
                    List<WorkerEvent> batch;
                    do {
                        batch = events.after(workerSid, sent, BATCH);
                        for (WorkerEvent event : batch) {
                            if (emitter.isCancelled()) {
                                return;
                            }
                            emitter.emit(sse.newEventBuilder().id(Long.toString(event.seq())).name(event.type())
                                    .data(String.class, event.payload()).build());
                            sent = event.seq();
                        }
                    } while (batch.size() == BATCH);
                } catch (RuntimeException e) {
                    // the database may be failing over: the next wake or fallback poll reads again
                    LOG.warnf("cannot read worker events: %s", e.getMessage());
                }
            } while (!state.compareAndSet(READING, IDLE));
        }
    }
}
