package org.opencc.reporting.journey;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One interaction in {@code GET /v1/journeys?anomaly=}: its verdict without the events.
 *
 * @param firstEventAt the time of its first event in the range asked for
 * @param anomalies the ids of every rule that found something
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JourneySummary(String interactionId, Instant firstEventAt, String stage, String rule, String reason,
        List<String> anomalies) {}
