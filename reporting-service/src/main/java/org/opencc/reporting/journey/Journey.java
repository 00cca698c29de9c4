package org.opencc.reporting.journey;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.opencc.reporting.otlp.ReceivedSpan;

/**
 * The body of {@code GET /v1/journeys/{interactionId}}: one timeline of an interaction and the verdict on it.
 *
 * @param taskSids the interaction's tasks, in the order they were opened
 * @param traceIds the traces its events were published in, to look up in a tracing backend
 * @param events every logged event of the interaction and its tasks, in event-time order
 * @param spans the spans received over OTLP that name the interaction or its tasks, or belong to its events'
 *     traces, by start time (at most 1000)
 * @param routingExplanations task-router's explanation of each task (asked with the reader's token)
 * @param attribution the first stage that went wrong, with its rule, reason and evidence, and every anomaly
 * @param asOf when the journey was read (rules about missing steps depend on it)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Journey(String interactionId, List<String> taskSids, List<String> traceIds, List<LoggedEvent> events,
        List<ReceivedSpan> spans, List<RoutingExplanations.Explained> routingExplanations,
        Attribution.Verdict attribution, Instant asOf) {}
