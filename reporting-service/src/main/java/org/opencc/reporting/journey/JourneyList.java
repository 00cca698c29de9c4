package org.opencc.reporting.journey;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The body of {@code GET /v1/journeys?anomaly=...}.
 *
 * @param scanned interactions examined (those with an event in the range, oldest first)
 * @param truncated true when the range held more interactions than {@code cc.reporting.journeys.scan-limit}: narrow
 *     the range (start {@code from} after the last one listed) to see the rest
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JourneyList(List<JourneySummary> interactions, int scanned, boolean truncated) {}
