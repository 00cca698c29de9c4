package org.opencc.support.tracing;

import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes spans to {@code cc.tracing.file} when it is set, through a batch span processor of its own. Quarkus adds
 * every {@link SpanProcessor} bean to the tracer provider, beside its OTLP exporter's.
 */
@Singleton
public class FileSpans {
    @Produces
    @Singleton
    @Unremovable
    SpanProcessor fileSpanProcessor(@ConfigProperty(name = "cc.tracing.file") Optional<String> file,
            @ConfigProperty(name = "quarkus.otel.bsp.schedule.delay", defaultValue = "5s") Duration delay) {
        if (file.filter(f -> !f.isBlank()).isEmpty()) {
            return SpanProcessor.composite(); // no file: a processor that does nothing
        }
        return BatchSpanProcessor.builder(new FileSpanExporter(file)).setScheduleDelay(delay).build();
    }
}
