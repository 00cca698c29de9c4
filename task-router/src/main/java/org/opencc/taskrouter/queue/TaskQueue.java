package org.opencc.taskrouter.queue;

import java.time.Instant;

/** A queue: tasks wait here for the workers its {@code targetWorkers} expression selects. */
public record TaskQueue(String sid, String workspaceSid, String friendlyName, String targetWorkers,
        int maxReservedWorkers, String taskOrder, String reservationActivitySid, String assignmentActivitySid,
        Instant dateCreated, Instant dateUpdated) {}
