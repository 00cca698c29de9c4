package org.opencc.taskrouter.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.opencc.contracts.worker.WorkerActivityUpdated;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.taskrouter.queue.QueueMembership;

/**
 * Publishes {@code worker.activity.update} with the queues that select the worker now, so consumers such as the
 * live queue view count available workers per queue without an expression engine of their own.
 */
@ApplicationScoped
public class WorkerEvents {
    private final QueueMembership membership;
    private final OutboxWriter outbox;
    private final Clock clock;

    public WorkerEvents(QueueMembership membership, OutboxWriter outbox, Clock clock) {
        this.membership = membership;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Refreshes the worker's queue membership and appends its current state to the outbox; call inside the
     * transaction that changed it.
     */
    public void changed(Worker worker) {
        List<String> queues = membership.refreshWorker(worker.workspaceSid(), worker.sid(), worker.attributes());
        outbox.append(new WorkerActivityUpdated(worker.sid(), worker.workspaceSid(), worker.friendlyName(),
                worker.activitySid(),
                worker.activityName(), worker.available(), queues, clock.instant()));
    }

    /** Says the worker is gone: unavailable and in no queue. */
    public void deleted(Worker worker) {
        outbox.append(new WorkerActivityUpdated(worker.sid(), worker.workspaceSid(), worker.friendlyName(),
                worker.activitySid(),
                worker.activityName(), false, List.of(), clock.instant()));
    }
}
