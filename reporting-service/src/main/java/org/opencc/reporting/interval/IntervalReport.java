package org.opencc.reporting.interval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The body of {@code GET /v1/intervals}.
 *
 * @param intervalSeconds the interval length ({@code cc.reporting.interval})
 * @param rows one per interval and group with any activity, ordered by interval start, then group value (unknown
 *     last)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IntervalReport(long intervalSeconds, List<IntervalRow> rows) {}
