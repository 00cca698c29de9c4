package org.opencc.reporting.live;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One queue on the wallboard.
 *
 * @param longestWaitingSeconds now minus the oldest queue entry among the queue's pending tasks; 0 if none
 * @param availableWorkers workers whose activity is available and whom the queue's target expression selects
 * @param updatedAt when the view last changed a task or worker of this queue
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueueLive(String workspaceSid, String taskQueueSid, long pending, long reserved, long assigned,
        long longestWaitingSeconds, long availableWorkers, Instant updatedAt) {}
