package org.opencc.taskrouter.workflow;

import java.time.Instant;

/** A workflow: its configuration decides which queue a task goes to. */
public record Workflow(String sid, String workspaceSid, String friendlyName, String configuration,
        String assignmentCallbackUrl, String fallbackAssignmentCallbackUrl, int taskReservationTimeout,
        Instant dateCreated, Instant dateUpdated) {}
