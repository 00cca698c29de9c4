package org.opencc.compliance.audit;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.opencc.contracts.SpanKeys;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.consumer.ProcessedEvents;
import org.opencc.support.tracing.StageSpans;

/** Appends an audit entry per event, once, and answers what was recorded about an interaction or task. */
@ApplicationScoped
public class AuditService {
    /** Consumer name in {@code processed_event}, the same as the Kafka group id. */
    static final String CONSUMER = "compliance-service";

    private final AuditRepository entries;
    private final ProcessedEvents processed;
    private final Clock clock;

    public AuditService(AuditRepository entries, ProcessedEvents processed, Clock clock) {
        this.entries = entries;
        this.processed = processed;
        this.clock = clock;
    }

    /**
     * Records one event in the audit trail, in the same transaction as its {@code processed_event} row, so a
     * redelivery neither adds a second entry nor is lost. Events of types the contracts do not know are audited
     * too, with their envelope: an audit that skipped what it does not understand would not be one.
     *
     * @param topic the record's topic
     * @param ceTime the record's {@code ce_time}, or null
     */
    @Transactional
    public void record(String topic, Instant ceTime, InboundEvent inbound) {
        AuditEntry entry = AuditEntryMapper.toEntry(topic, inbound, ceTime, clock.instant());
        // the consumer span, opened by EventConsumer in the event's trace
        Span span = Span.current();
        StageSpans.id(span, SpanKeys.INTERACTION_ID, entry.interactionId());
        StageSpans.id(span, SpanKeys.TASK_SID, entry.taskSid());
        StageSpans.id(span, SpanKeys.WORKER_SID, entry.workerSid());
        StageSpans.id(span, SpanKeys.RESERVATION_SID, entry.reservationSid());
        if (!processed.recordFirstSight(CONSUMER, inbound.id()) || !entries.append(entry)) {
            span.setAttribute(SpanKeys.DUPLICATE, true);
        }
    }

    /** The entries of the query's interaction or task, by occurred_at then insertion order. */
    @Transactional
    public List<AuditEntry> find(AuditQuery query) {
        return query.interactionId() != null
                ? entries.byInteraction(query.interactionId(), query.limit())
                : entries.byTask(query.taskSid(), query.limit());
    }
}
