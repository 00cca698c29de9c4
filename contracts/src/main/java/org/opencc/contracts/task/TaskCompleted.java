package org.opencc.contracts.task;

import java.time.Instant;

/**
 * The task ended with its work done. Key: taskSid. Producer: task-router.
 *
 * @param taskQueueSid the queue the task was in, null if it never entered one
 * @param reason the reason given, if any (free text from the API caller; never personal data by contract)
 */
public record TaskCompleted(String taskSid, String workspaceSid, String taskQueueSid, String interactionId,
        String reason, Instant occurredAt) implements TaskEvent {
    public static final String TYPE = "task.completed";

    @Override
    public String type() {
        return TYPE;
    }
}
