package org.opencc.reporting.wallboard;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * What the wallboard page needs besides the live views: targets and the interval grid.
 *
 * @param serviceLevelTargetPercent the service level every queue should reach
 * @param serviceLevelThresholdSeconds the default wait within which an accepted task meets the service level
 * @param queueThresholdSeconds per-queue thresholds that differ from the default
 * @param intervalSeconds the length of one interval of {@code /v1/intervals}
 * @param chartSeconds how far back the chart reaches
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WallboardSettings(double serviceLevelTargetPercent, long serviceLevelThresholdSeconds,
        Map<String, Long> queueThresholdSeconds, long intervalSeconds, long chartSeconds) {}
