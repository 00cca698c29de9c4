package org.opencc.reporting.otlp;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * A span as an exporter sent it, decoded from OTLP (protobuf or JSON) and as journeys show it.
 *
 * @param service the {@code service.name} of its resource
 * @param stage its {@code cc.stage} attribute, null without one
 * @param status {@code unset}, {@code ok} or {@code error}
 * @param attributes every attribute, values as strings, numbers, booleans or lists
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String service,
        String stage, Instant startAt, Instant endAt, String status, String statusMessage, String interactionId,
        String taskSid, Map<String, Object> attributes) {}
