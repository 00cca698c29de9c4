package org.opencc.reporting.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Serves the live per-queue, per-workflow and per-worker views; "now" for waiting times comes from the injected {@link Clock}. */
@ApplicationScoped
public class LiveViewService {
    private final QueueLiveRepository queues;
    private final WorkerLiveRepository workers;
    private final WorkflowLiveRepository workflows;
    private final Clock clock;

    public LiveViewService(QueueLiveRepository queues, WorkerLiveRepository workers,
            WorkflowLiveRepository workflows, Clock clock) {
        this.queues = queues;
        this.workers = workers;
        this.workflows = workflows;
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

    /** The per-workflow view now, of one workspace or (null) of all. Blocking: call from a worker thread. */
    public WorkflowsSnapshot workflows(String workspaceSid) {
        return workflows.snapshot(workspaceSid, clock.instant());
    }

    /** The current {@code live_version}. Blocking: call from a worker thread. */
    public long version() {
        return queues.version();
    }
}
