package org.opencc.taskrouter.workspace;

import java.time.Instant;

/** A TaskRouter workspace: the container of activities, queues, workflows, workers and tasks. */
public record Workspace(String sid, String friendlyName, String eventCallbackUrl, String eventsFilter,
        String defaultActivitySid, String timeoutActivitySid, boolean multiTaskEnabled, String prioritizeQueueOrder,
        Instant dateCreated, Instant dateUpdated) {}
