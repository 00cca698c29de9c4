package org.opencc.contracts.worker;

import java.time.Instant;
import java.util.List;

/**
 * A worker was created or changed activity or attributes. Key: workerSid. Producer: task-router. Consumers:
 * reporting-service (available workers per queue, agent states on the wallboard).
 *
 * @param friendlyName the worker's display name (an agent's name, for wallboards); null in events published before
 *     it was added
 * @param available whether the activity lets the worker take tasks
 * @param taskQueueSids the queues whose {@code target_workers} expression selects the worker now, so consumers
 *     need no expression engine
 */
public record WorkerActivityUpdated(String workerSid, String workspaceSid, String friendlyName, String activitySid,
        String activityName,
        boolean available, List<String> taskQueueSids, Instant occurredAt) implements WorkerEvent {
    public static final String TYPE = "worker.activity.update";

    @Override
    public String type() {
        return TYPE;
    }
}
