package org.opencc.contracts.task;

import java.time.Instant;

/**
 * The task ended without being worked (the customer left, or it was canceled through the API). Key: taskSid. Producer: task-router.
 *
 * @param taskQueueSid the queue the task was in, null if it never entered one
 * @param reason the reason given, if any (free text from the API caller; never personal data by contract)
 */
public record TaskCanceled(String taskSid, String workspaceSid, String taskQueueSid, String interactionId,
        String reason, Instant occurredAt) implements TaskEvent {
    public static final String TYPE = "task.canceled";

    @Override
    public String type() {
        return TYPE;
    }
}
