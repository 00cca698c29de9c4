package org.opencc.reporting.live;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** The body of {@code GET /v1/workflows/live} and the data of each {@code workflows} stream event. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkflowsSnapshot(List<WorkflowLive> workflows, long version, Instant asOf) implements Versioned {}
