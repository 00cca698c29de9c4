package org.opencc.reporting.live;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /v1/queues/live} and the data of each {@code queues} stream event.
 *
 * @param queues every queue with tasks or workers, ordered by workspace and queue sid
 * @param version the {@code live_version} the rows were read at: equal versions mean equal counts
 * @param asOf the instant {@code longest_waiting_seconds} was measured at
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LiveSnapshot(List<QueueLive> queues, long version, Instant asOf) implements Versioned {}
