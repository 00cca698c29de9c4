package org.opencc.support.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.Optional;

/** W3C {@code traceparent} header values, written into outbox rows and Kafka headers. */
public final class TraceParent {
    private TraceParent() {}

    /** The header value of a valid span context, else empty. */
    public static Optional<String> format(SpanContext context) {
        if (context == null || !context.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex());
    }

    /** The remote span context a header value names, or empty when it is missing or malformed. */
    public static Optional<SpanContext> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.trim().split("-");
        if (parts.length < 4 || parts[1].length() != 32 || parts[2].length() != 16 || parts[3].length() != 2) {
            return Optional.empty();
        }
        try {
            SpanContext context = SpanContext.createFromRemoteParent(
                    parts[1], parts[2], TraceFlags.fromHex(parts[3], 0), TraceState.getDefault());
            return context.isValid() ? Optional.of(context) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The trace id of a header value, or empty. */
    public static Optional<String> traceId(String header) {
        return parse(header).map(SpanContext::getTraceId);
    }
}
