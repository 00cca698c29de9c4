package org.opencc.reporting.live;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One workflow on the wallboard: its tasks by status, across the queues it routed them to.
 *
 * @param longestWaitingSeconds now minus the oldest queue entry among its pending tasks; 0 if none
 * @param updatedAt when the view last changed one of its tasks
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkflowLive(String workspaceSid, String workflowSid, long pending, long reserved, long assigned,
        long longestWaitingSeconds, Instant updatedAt) {}
