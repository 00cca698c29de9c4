package org.opencc.reporting.live;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /v1/workers/live} and the data of each {@code workers} stream event.
 *
 * @param workers every worker the view has heard of, ordered by workspace and worker sid
 * @param version the {@code live_version} the rows were read at
 * @param asOf when the rows were read
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkersSnapshot(List<WorkerLive> workers, long version, Instant asOf) implements Versioned {}
