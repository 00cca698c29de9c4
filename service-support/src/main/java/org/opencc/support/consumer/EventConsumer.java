package org.opencc.support.consumer;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencc.contracts.CloudEventHeaders;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.support.tracing.TraceParent;

/**
 * Runs a listener's handler for one Kafka record: decodes the CloudEvents envelope, continues the producer's
 * trace in a consumer span, and retries transient failures before the record goes to the channel's failure
 * strategy (a dead-letter topic). Handlers make their effect idempotent with {@link ProcessedEvents}.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private final Tracer tracer;
    private final int attempts;

    public EventConsumer(Tracer tracer,
            @ConfigProperty(name = "cc.consumer.attempts", defaultValue = "5") int attempts) {
        this.tracer = tracer;
        this.attempts = attempts;
    }

    /** What a listener does with one decoded event. */
    @FunctionalInterface
    public interface Handler {
        void handle(InboundEvent event) throws Exception;
    }

    /**
     * Handles one record.
     *
     * @param spanName {@code Class.method} of the listener
     * @throws EventCodec.MalformedEventException at once for a value that cannot be decoded
     */
    public void consume(ConsumerRecord<String, String> record, String spanName, Stage stage, Handler handler) {
        traced(record, envelope(record), spanName, stage, inbound -> runWithRetries(inbound, handler));
    }

    /**
     * Handles one already decoded record once, without retries: for a caller that holds the transaction (a retry
     * inside a transaction a failed statement aborted could not succeed). The span is the one {@link #consume}
     * makes.
     */
    public void consumeOnce(ConsumerRecord<String, String> record, InboundEvent inbound, String spanName,
            Stage stage, Handler handler) {
        traced(record, inbound, spanName, stage, handler);
    }

    private void traced(ConsumerRecord<String, String> record, InboundEvent inbound, String spanName, Stage stage,
            Handler handler) {
        Context parent = TraceParent.parse(inbound.traceparent())
                .map(remote -> Context.root().with(Span.wrap(remote)))
                .orElse(Context.root());
        Span span = tracer.spanBuilder(spanName).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SpanKeys.STAGE, stage.value())
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("cc.event_type", String.valueOf(inbound.type()))
                .setAttribute(SpanKeys.EVENT_ID, String.valueOf(inbound.id()))
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            if (inbound.id() == null) {
                throw new EventCodec.MalformedEventException(String.valueOf(inbound.type()),
                        new IllegalArgumentException("record has no ce_id header"));
            }
            handler.handle(inbound);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.setAttribute(SpanKeys.FAILURE, "consumer-failed");
            throw e;
        } catch (Exception e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.setAttribute(SpanKeys.FAILURE, "consumer-failed");
            throw new IllegalStateException("event " + inbound.id() + " (" + inbound.type() + ") failed", e);
        } finally {
            span.end();
        }
    }

    private void runWithRetries(InboundEvent inbound, Handler handler) {
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(inbound);
                return;
            } catch (EventCodec.MalformedEventException e) {
                throw e;
            } catch (Exception e) {
                if (attempt >= attempts) {
                    throw new IllegalStateException("event " + inbound.id() + " (" + inbound.type()
                            + ") failed " + attempt + " times", e);
                }
                LOG.warnf("event %s (%s) failed on attempt %d, retrying: %s", inbound.id(), inbound.type(),
                        attempt, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying " + inbound.id(), e);
                }
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    /** The envelope of a record; the value is decoded by its {@code ce_type}. */
    public static InboundEvent envelope(ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        Optional<DomainEvent> event = record.value() == null ? Optional.empty()
                : EventCodec.decode(type, record.value());
        return new InboundEvent(header(record, CloudEventHeaders.ID), type,
                header(record, CloudEventHeaders.SOURCE), header(record, CloudEventHeaders.SUBJECT),
                header(record, CloudEventHeaders.TRACEPARENT), event);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
