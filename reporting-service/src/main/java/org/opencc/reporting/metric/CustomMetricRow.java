package org.opencc.reporting.metric;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One custom metric in one interval.
 *
 * @param count count: the events; duration: the tasks whose duration ended in the interval
 * @param numerator ratio only
 * @param denominator ratio only
 * @param value count: the count; ratio: numerator / denominator × 100 (2 decimals, null when the denominator is 0);
 *     duration: the mean in seconds (3 decimals)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomMetricRow(Instant intervalStart, String metric, String kind, Long count, Long numerator,
        Long denominator, Double value) {}
