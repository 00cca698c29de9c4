package org.opencc.contracts.task;

import java.time.Instant;

/**
 * The workflow put the task in a queue, where it waits for a worker. Key: taskSid. Producer: task-router.
 * Consumers: reporting-service (live queue view).
 */
public record TaskQueueEntered(String taskSid, String workspaceSid, String taskQueueSid, String interactionId,
        Instant occurredAt) implements TaskEvent {
    public static final String TYPE = "task-queue.entered";

    @Override
    public String type() {
        return TYPE;
    }
}
