package org.opencc.reporting.live;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One worker on the wallboard.
 *
 * @param friendlyName the worker's name as task-router last published it; null if never published
 * @param activityName the worker's activity (e.g. Available, Break, Offline) as of its latest update
 * @param available whether that activity lets the worker take tasks
 * @param taskQueueSids the queues whose target expression selects the worker
 * @param reserved tasks offered to the worker and not yet answered
 * @param assigned tasks the worker accepted and has not completed
 * @param updatedAt when the view last changed the worker or one of its tasks
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkerLive(String workspaceSid, String workerSid, String friendlyName, String activityName,
        boolean available, List<String> taskQueueSids, long reserved, long assigned, Instant updatedAt) {}
