package org.opencc.taskrouter.worker;

import java.time.Instant;

/** A worker, with its current activity joined in ({@code activityName}, {@code available}). */
public record Worker(String sid, String workspaceSid, String friendlyName, String attributes, String activitySid,
        String activityName, boolean available, Instant lastAssignedAt, Instant dateStatusChanged,
        Instant dateCreated, Instant dateUpdated) {}
