package org.opencc.taskrouter.stream;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Deletes worker events past their retention; every replica may run it, the delete is idempotent. */
@ApplicationScoped
public class WorkerEventPruner {
    private static final Logger LOG = Logger.getLogger(WorkerEventPruner.class);
    private final WorkerEventRepository events;
    private final WorkerEventsConfig config;
    private final Clock clock;

    public WorkerEventPruner(WorkerEventRepository events, WorkerEventsConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try {
            int deleted = events.prune(clock.instant().minus(config.retention()));
            if (deleted > 0) {
                LOG.debugf("pruned %d worker events", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("worker event pruning failed, will retry: %s", e.getMessage());
        }
    }
}
