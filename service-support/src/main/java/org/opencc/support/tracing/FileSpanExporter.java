package org.opencc.support.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Appends finished spans as JSON lines to a file: how system tests and a local suite see every service's spans.
 * Not a CDI {@link SpanExporter} bean: Quarkus drops its own OTLP exporter when the application provides one, so
 * {@link FileSpans} wraps this in a span processor instead, and OTLP export (OTLP_ENDPOINT) works beside it.
 */
public class FileSpanExporter implements SpanExporter {
    private static final Logger LOG = Logger.getLogger(FileSpanExporter.class);
    private final Optional<Path> file;
    private final ObjectMapper json = new ObjectMapper();

    public FileSpanExporter(Optional<String> file) {
        this.file = file.filter(f -> !f.isBlank()).map(Path::of);
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        if (file.isEmpty() || spans.isEmpty()) {
            return CompletableResultCode.ofSuccess();
        }
        StringBuilder lines = new StringBuilder();
        for (SpanData span : spans) {
            try {
                lines.append(json.writeValueAsString(toMap(span))).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.writeString(file.get(), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            LOG.warnf("cannot write spans to %s: %s", file.get(), e.getMessage());
            return CompletableResultCode.ofFailure();
        }
    }

    private static Map<String, Object> toMap(SpanData span) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", span.getResource().getAttribute(AttributeKey.stringKey("service.name")));
        out.put("name", span.getName());
        out.put("kind", span.getKind().name());
        out.put("trace_id", span.getTraceId());
        out.put("span_id", span.getSpanId());
        out.put("parent_span_id", span.getParentSpanContext().isValid() ? span.getParentSpanId() : null);
        out.put("start_epoch_nanos", span.getStartEpochNanos());
        out.put("end_epoch_nanos", span.getEndEpochNanos());
        out.put("status", span.getStatus().getStatusCode().name());
        Map<String, Object> attributes = new LinkedHashMap<>();
        span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
        out.put("attributes", attributes);
        List<Map<String, String>> links = new ArrayList<>();
        for (LinkData link : span.getLinks()) {
            links.add(Map.of("trace_id", link.getSpanContext().getTraceId(), "span_id",
                    link.getSpanContext().getSpanId()));
        }
        out.put("links", links);
        return out;
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
