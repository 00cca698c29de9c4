package org.opencc.taskrouter.activity;

import java.time.Instant;

/** A worker state; {@code available} ones let their workers take tasks. */
public record Activity(String sid, String workspaceSid, String friendlyName, boolean available, Instant dateCreated,
        Instant dateUpdated) {}
