package org.opencc.taskrouter.task;

import java.time.Instant;

/**
 * A task. {@code assignmentStatus} is TaskRouter's: pending, reserved, assigned, wrapping, completed, canceled.
 */
public record Task(String sid, String workspaceSid, String workflowSid, String taskQueueSid, String taskChannel,
        String attributes, String assignmentStatus, int priority, int timeout, String reason, String interactionId,
        String rootTraceparent, Instant queueEnteredAt, Instant dateCreated, Instant dateUpdated) {}
