package org.opencc.contracts.task;

import java.time.Instant;

/**
 * The task ended without being worked (the customer left, or it was canceled through the API). Key: taskSid. Producer: task-router.
 *
 * @param taskQueueSid the queue the task was in, null if it never entered one
 * @param reason the reason given, if any (free text from the API caller; never personal data by contract)
 * @param availableWorkers for a task canceled before anyone accepted it: how many workers of its queue were
 *     available then with free capacity in its task channel (more than 0: it was abandoned while agents were
 *     free); null for a task that was accepted, or in no queue, or from a producer that does not say
 */
public record TaskCanceled(String taskSid, String workspaceSid, String taskQueueSid, String interactionId,
        String reason, Integer availableWorkers, Instant occurredAt) implements TaskEvent {
    public static final String TYPE = "task.canceled";

    /** A cancellation that does not say how many workers were free. */
    public TaskCanceled(String taskSid, String workspaceSid, String taskQueueSid, String interactionId,
            String reason, Instant occurredAt) {
        this(taskSid, workspaceSid, taskQueueSid, interactionId, reason, null, occurredAt);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
