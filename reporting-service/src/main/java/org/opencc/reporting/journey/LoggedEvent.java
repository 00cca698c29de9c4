package org.opencc.reporting.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One event of a journey, as {@code event_log} keeps it.
 *
 * @param occurredAt the event's own time; {@code receivedAt} when it carries none
 * @param traceId the trace of the record's {@code traceparent}, null without one
 * @param data the event as the contracts encode it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoggedEvent(String eventId, String type, String topic, Instant occurredAt, Instant receivedAt,
        String interactionId, String taskSid, String workerSid, String traceId, JsonNode data) {}
