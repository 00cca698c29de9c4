package org.opencc.reporting.metric;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The body of {@code GET /v1/metrics/custom}: the metrics asked for, and their rows by interval then name. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomMetricReport(long intervalSeconds, List<Described> metrics, List<CustomMetricRow> rows) {
    /** A metric as configured, for readers of the numbers. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Described(String name, String kind, String description) {}
}
