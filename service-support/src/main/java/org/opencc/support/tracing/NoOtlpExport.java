package org.opencc.support.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Switches Quarkus' OTLP exporter off when no OTLP endpoint is configured ({@code OTLP_ENDPOINT} unset, so
 * {@code cc.tracing.otlp} is {@code off}): Quarkus drops its exporter when the application provides a
 * {@link SpanExporter}, and would otherwise send to its default {@code localhost:4317} and log every failure. With an
 * endpoint this bean is left out of lookups and Quarkus exports as configured. It exports nothing itself.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "cc.tracing.otlp", stringValue = "off")
public class NoOtlpExport implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
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
