package org.opencc.contracts.task;

import java.time.Instant;

/**
 * The workflow put the task in a queue, where it waits for a worker. Key: taskSid. Producer: task-router.
 * Consumers: reporting-service (live queue view, journeys).
 *
 * @param workflowSid the workflow that routed the task; null in events published before it was added
 * @param filter the friendly name of the workflow filter that matched, {@link #DEFAULT_FILTER} when none did and
 *     the default filter placed the task; null in events published before it was added
 */
public record TaskQueueEntered(String taskSid, String workspaceSid, String taskQueueSid, String interactionId,
        Instant occurredAt, String workflowSid, String filter) implements TaskEvent {
    public static final String TYPE = "task-queue.entered";
    /** {@link #filter()} when no filter matched and the workflow's {@code default_filter} placed the task. */
    public static final String DEFAULT_FILTER = "default_filter";

    /** Without the routing detail (tests, and producers that do not know it). */
    public TaskQueueEntered(String taskSid, String workspaceSid, String taskQueueSid, String interactionId,
            Instant occurredAt) {
        this(taskSid, workspaceSid, taskQueueSid, interactionId, occurredAt, null, null);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
