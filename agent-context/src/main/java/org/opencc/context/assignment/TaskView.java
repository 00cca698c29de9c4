package org.opencc.context.assignment;

/**
 * What agent-context knows about a task from {@code cc.tasks.v1}.
 *
 * @param customerKey pseudonymous customer key from the task's attributes, null if it has none
 * @param rootTraceparent traceparent of {@code task.created}, a span in the interaction's trace
 * @param status {@code open} or {@code ended}
 */
public record TaskView(String taskSid, String workspaceSid, String interactionId, String customerKey,
        String channel, String rootTraceparent, String status) {}
