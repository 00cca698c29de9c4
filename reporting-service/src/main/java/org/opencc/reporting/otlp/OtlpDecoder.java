package org.opencc.reporting.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencc.contracts.SpanKeys;

/**
 * Decodes an OTLP trace export request, binary protobuf ({@code application/x-protobuf}) or its JSON mapping
 * ({@code application/json}: ids in hex, 64-bit numbers as strings or numbers, enum values as numbers), into spans.
 * Anything else is a {@link MalformedOtlpException}.
 */
final class OtlpDecoder {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private OtlpDecoder() {}

    static List<ReceivedSpan> protobuf(byte[] body) {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedOtlpException("the body is not an OTLP ExportTraceServiceRequest: " + e.getMessage());
        }
        List<ReceivedSpan> spans = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = serviceName(resource.getResource());
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    for (KeyValue attribute : span.getAttributesList()) {
                        attributes.put(attribute.getKey(), value(attribute.getValue()));
                    }
                    spans.add(span(hex(span.getTraceId(), 16, "traceId"), hex(span.getSpanId(), 8, "spanId"),
                            span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId(), 8, "parentSpanId"),
                            span.getName(), service, span.getStartTimeUnixNano(), span.getEndTimeUnixNano(),
                            status(span.getStatus().getCodeValue()), span.getStatus().getMessage(), attributes));
                }
            }
        }
        return spans;
    }

    static List<ReceivedSpan> json(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedOtlpException("the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject() || !root.path("resourceSpans").isArray()) {
            throw new MalformedOtlpException("an OTLP JSON export is an object with a resourceSpans array");
        }
        List<ReceivedSpan> spans = new ArrayList<>();
        for (JsonNode resource : root.path("resourceSpans")) {
            String service = null;
            for (JsonNode attribute : resource.path("resource").path("attributes")) {
                if ("service.name".equals(attribute.path("key").asText())) {
                    service = attribute.path("value").path("stringValue").asText(null);
                }
            }
            for (JsonNode scope : resource.path("scopeSpans")) {
                for (JsonNode span : scope.path("spans")) {
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    for (JsonNode attribute : span.path("attributes")) {
                        attributes.put(attribute.path("key").asText(), jsonValue(attribute.path("value")));
                    }
                    String parent = span.path("parentSpanId").asText("");
                    spans.add(span(jsonHex(span, "traceId", 32), jsonHex(span, "spanId", 16),
                            parent.isEmpty() ? null : jsonHex(span, "parentSpanId", 16), required(span, "name"),
                            service, nanos(span, "startTimeUnixNano"), nanos(span, "endTimeUnixNano"),
                            status(span.path("status").path("code").asInt(0)),
                            span.path("status").path("message").asText(""), attributes));
                }
            }
        }
        return spans;
    }

    private static ReceivedSpan span(String traceId, String spanId, String parentSpanId, String name, String service,
            long startNanos, long endNanos, String status, String statusMessage, Map<String, Object> attributes) {
        return new ReceivedSpan(traceId, spanId, parentSpanId, name, service, text(attributes, SpanKeys.STAGE),
                instant(startNanos), instant(Math.max(startNanos, endNanos)), status,
                statusMessage == null || statusMessage.isEmpty() ? null : statusMessage,
                text(attributes, SpanKeys.INTERACTION_ID), text(attributes, SpanKeys.TASK_SID), attributes);
    }

    private static String serviceName(Resource resource) {
        for (KeyValue attribute : resource.getAttributesList()) {
            if ("service.name".equals(attribute.getKey())) {
                return attribute.getValue().getStringValue();
            }
        }
        return null;
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpDecoder::value).toList();
            case BYTES_VALUE -> HEX.formatHex(value.getBytesValue().toByteArray());
            default -> null;
        };
    }

    private static Object jsonValue(JsonNode value) {
        if (value.has("stringValue")) {
            return value.path("stringValue").asText();
        }
        if (value.has("boolValue")) {
            return value.path("boolValue").asBoolean();
        }
        if (value.has("intValue")) {
            return value.path("intValue").asLong();
        }
        if (value.has("doubleValue")) {
            return value.path("doubleValue").asDouble();
        }
        if (value.has("arrayValue")) {
            List<Object> values = new ArrayList<>();
            for (Iterator<JsonNode> it = value.path("arrayValue").path("values").elements(); it.hasNext();) {
                values.add(jsonValue(it.next()));
            }
            return values;
        }
        return null;
    }

    private static String status(int code) {
        return switch (code) {
            case 1 -> "ok";
            case 2 -> "error";
            default -> "unset";
        };
    }

    private static String hex(ByteString id, int bytes, String field) {
        if (id.size() != bytes) {
            throw new MalformedOtlpException(field + " must be " + bytes + " bytes, not " + id.size());
        }
        return HEX.formatHex(id.toByteArray());
    }

    private static String jsonHex(JsonNode span, String field, int digits) {
        String id = span.path(field).asText("");
        if (!id.matches("[0-9a-fA-F]{" + digits + "}")) {
            throw new MalformedOtlpException(field + " must be " + digits + " hexadecimal digits, not '" + id + "'");
        }
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    private static String required(JsonNode span, String field) {
        if (!span.path(field).isTextual()) {
            throw new MalformedOtlpException("every span needs a " + field);
        }
        return span.path(field).asText();
    }

    private static long nanos(JsonNode span, String field) {
        JsonNode value = span.path(field);
        try {
            return value.isNumber() ? value.asLong() : Long.parseUnsignedLong(value.asText());
        } catch (NumberFormatException e) {
            throw new MalformedOtlpException(field + " must be nanoseconds since the epoch, not '" + value.asText()
                    + "'");
        }
    }

    private static Instant instant(long unixNanos) {
        return Instant.ofEpochSecond(Long.divideUnsigned(unixNanos, 1_000_000_000L),
                Long.remainderUnsigned(unixNanos, 1_000_000_000L));
    }

    private static String text(Map<String, Object> attributes, String key) {
        Object value = attributes.get(key);
        return value instanceof String s ? s : null;
    }

    /** A body that is not an OTLP trace export: answered 400. */
    static final class MalformedOtlpException extends RuntimeException {
        MalformedOtlpException(String message) {
            super(message);
        }
    }
}
