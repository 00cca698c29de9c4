package org.opencc.reporting.interval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * One group's metrics in one interval. Definitions are in the README ("Interval metrics"); averages and rates
 * are null when nothing was there to average.
 *
 * @param group the grouping column and its value, e.g. {@code {"task_queue_sid":"WQ…"}}; a null value collects
 *     the tasks whose value is unknown (for workers: tasks nobody accepted)
 * @param abandonmentRate percent: abandoned / (offered − short_abandoned) × 100
 * @param serviceLevel percent of the accepted tasks (with a known queue entry) that waited at most their queue's
 *     threshold
 * @param serviceLevelThresholdSeconds the threshold the row's tasks were judged by; null when they came from
 *     queues with different thresholds
 * @param transfers always 0: transfers are not yet published as events
 * @param occupancy worker rows only: the share of the interval the worker had at least one accepted task
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IntervalRow(Instant intervalStart, Map<String, String> group, long offered, long accepted,
        long abandoned, long shortAbandoned, Double abandonmentRate, Double asaSeconds, Double ahtSeconds,
        Double serviceLevel, Double serviceLevelThresholdSeconds, long transfers,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double occupancy) {}
