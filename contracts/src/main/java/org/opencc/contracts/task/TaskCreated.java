package org.opencc.contracts.task;

import java.time.Instant;

/**
 * A task was created. Key: taskSid. Producer: task-router.
 *
 * @param attributes the task's attributes as JSON text (no personal data: the gateway puts only ids, channel,
 *     country and the pseudonymous customer key there)
 */
public record TaskCreated(
        String taskSid,
        String workspaceSid,
        String workflowSid,
        String interactionId,
        String taskChannel,
        int priority,
        String attributes,
        Instant createdAt)
        implements TaskEvent {
    public static final String TYPE = "task.created";

    @Override
    public String type() {
        return TYPE;
    }
}
