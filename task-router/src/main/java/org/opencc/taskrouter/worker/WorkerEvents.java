package org.opencc.taskrouter.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencc.contracts.worker.WorkerActivityUpdated;
import org.opencc.routing.expression.Expression;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.queue.TaskQueue;
import org.opencc.taskrouter.queue.TaskQueueRepository;

/**
 * Publishes {@code worker.activity.update} with the queues that select the worker now, so consumers such as the
 * live queue view count available workers per queue without an expression engine of their own.
 */
@ApplicationScoped
public class WorkerEvents {
    private static final int MAX_QUEUES = 10_000;
    private final TaskQueueRepository queues;
    private final OutboxWriter outbox;
    private final Clock clock;

    public WorkerEvents(TaskQueueRepository queues, OutboxWriter outbox, Clock clock) {
        this.queues = queues;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Appends the worker's current state to the outbox; call inside the transaction that changed it. */
    public void changed(Worker worker) {
        outbox.append(new WorkerActivityUpdated(worker.sid(), worker.workspaceSid(), worker.activitySid(),
                worker.activityName(), worker.available(), queuesSelecting(worker), clock.instant()));
    }

    /** The queues of the worker's workspace whose {@code target_workers} expression is true for the worker. */
    public List<String> queuesSelecting(Worker worker) {
        Map<String, Object> attributes = Json.attributes(worker.attributes());
        Map<String, Object> scope = new HashMap<>(attributes);
        scope.put("worker", attributes);
        return queues.list(worker.workspaceSid(), null, 0, MAX_QUEUES).stream()
                .filter(q -> Expression.parse(q.targetWorkers()).matches(scope))
                .map(TaskQueue::sid)
                .toList();
    }
}
