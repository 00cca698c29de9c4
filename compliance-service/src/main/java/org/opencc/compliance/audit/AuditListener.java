package org.opencc.compliance.audit;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.CloudEventHeaders;
import org.opencc.contracts.Stage;
import org.opencc.support.consumer.EventConsumer;

/**
 * Audits every record on {@code cc.interactions.v1}, {@code cc.tasks.v1} and {@code cc.context.v1} (group
 * {@code compliance-service}; a record that cannot be decoded, or keeps failing, goes to the channel's dead-letter
 * topic).
 */
@ApplicationScoped
public class AuditListener {
    private final EventConsumer consumer;
    private final AuditService audit;

    public AuditListener(EventConsumer consumer, AuditService audit) {
        this.consumer = consumer;
        this.audit = audit;
    }

    @Incoming("interactions-in")
    @Blocking
    public void onInteractionEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "AuditListener.onInteractionEvent", Stage.COMPLIANCE,
                inbound -> audit.record(record.topic(), ceTime(record), inbound));
    }

    @Incoming("tasks-in")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "AuditListener.onTaskEvent", Stage.COMPLIANCE,
                inbound -> audit.record(record.topic(), ceTime(record), inbound));
    }

    /** Context reads, answered or refused: who read which members of whose context. */
    @Incoming("context-in")
    @Blocking
    public void onContextEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "AuditListener.onContextEvent", Stage.COMPLIANCE,
                inbound -> audit.record(record.topic(), ceTime(record), inbound));
    }

    // InboundEvent has no ce_time; it is only the fallback for events without a time of their own, so an
    // unreadable one is treated as absent rather than failing the record
    private static Instant ceTime(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TIME);
        if (header == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(new String(header.value(), StandardCharsets.UTF_8)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
