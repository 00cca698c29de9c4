package org.opencc.reporting.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Serves the live per-queue and per-worker views; "now" for waiting times comes from the injected {@link Clock}. */
@ApplicationScoped
public class LiveViewService {
    private final QueueLiveRepository queues;
    private final WorkerLiveRepository workers;
    private final Clock clock;

    public LiveViewService(QueueLiveRepository queues, WorkerLiveRepository workers, Clock clock) {
        this.queues = queues;
        this.workers = workers;
        this.clock = clock;
    }

    /** The per-queue view now, of one workspace or (null) of all. Blocking: call from a worker thread. */
    public LiveSnapshot queues(String workspaceSid) {
        return queues.snapshot(workspaceSid, clock.instant());
    }

    /** The per-worker view now, of one workspace or (null) of all. Blocking: call from a worker thread. */
    public WorkersSnapshot workers(String workspaceSid) {
        return workers.snapshot(workspaceSid, clock.instant());
    }

    /** The current {@code live_version}. Blocking: call from a worker thread. */
    public long version() {
        return queues.version();
    }
}
