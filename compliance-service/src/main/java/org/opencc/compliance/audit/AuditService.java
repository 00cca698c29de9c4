package org.opencc.compliance.audit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.SpanKeys;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.consumer.ProcessedEvents;
import org.opencc.support.tracing.StageSpans;

/** Appends an audit entry per event, once, and answers what was recorded about an interaction or task. */
@ApplicationScoped
public class AuditService {
    /** Consumer name in {@code processed_event}, the same as the Kafka group id. */
    static final String CONSUMER = "compliance-service";
    /** Entries read per query while verifying the chain. */
    static final int VERIFY_BATCH = 500;
    /** The {@code topic} of an entry for an action that published no event ({@link #recordAction}). */
    public static final String NO_TOPIC = "none";

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

    /**
     * Appends an event this service published itself (through the outbox, in the caller's transaction), so the
     * audit does not wait for its own topic: {@code event_id} is the outbox row id, the event's {@code ce_id}, so
     * a later consumer of that topic finds it audited already.
     *
     * @param actor the JWT subject that caused it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPublished(String eventId, DomainEvent event, String actor, Instant occurredAt) {
        recordPublished(eventId, event, actor, null, null, null, occurredAt, null);
    }

    /**
     * Like {@link #recordPublished(String, DomainEvent, String, Instant)}, for an event done by a person under a
     * role, about an interaction (a consent captured or revoked): the entry is findable by interaction and by actor.
     *
     * @param actorRole the role the actor acted under, or null
     * @param interactionId the interaction the event is about, or null
     * @param workerSid the acting agent's worker, or null
     * @param detail a JSON object of names and ids (never personal data), or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPublished(String eventId, DomainEvent event, String actor, String actorRole,
            String interactionId, String workerSid, Instant occurredAt, String detail) {
        SpanContext trace = Span.current().getSpanContext();
        entries.append(new AuditEntry(eventId, event.topic(), event.type(), event.subject(), actor, actorRole,
                interactionId, null, workerSid, null, trace.isValid() ? trace.getTraceId() : null, occurredAt,
                clock.instant(), detail));
    }

    /**
     * Appends an action a person took here that publishes no event (a legal hold placed or released), in the
     * caller's transaction: topic {@value #NO_TOPIC}, a fresh UUID as {@code event_id}.
     *
     * @param eventType what happened, e.g. {@code legal-hold.placed}
     * @param subject the resource acted on, e.g. the hold's id
     * @param actor the JWT subject
     * @param actorRole the role the actor acted under
     * @param interactionId the interaction the action is about, or null
     * @param detail a JSON object of names and ids (never personal data), or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAction(String eventType, String subject, String actor, String actorRole, String interactionId,
            Instant occurredAt, String detail) {
        SpanContext trace = Span.current().getSpanContext();
        entries.append(new AuditEntry(UUID.randomUUID().toString(), NO_TOPIC, eventType, subject, actor, actorRole,
                interactionId, null, null, null, trace.isValid() ? trace.getTraceId() : null, occurredAt,
                clock.instant(), detail));
    }

    /**
     * Whether the trail holds an {@code interaction.assigned} of the interaction to the worker: the view of "whose
     * interaction is it" this service has without asking another (any worker it was ever assigned to, e.g. before a
     * transfer). It lags the gateway by the consumer's delay.
     */
    public boolean wasAssigned(String interactionId, String workerSid) {
        return entries.exists(interactionId, "interaction.assigned", null, workerSid);
    }

    /** Whether the trail holds an entry of the type about the subject within the interaction. */
    public boolean hasEntry(String interactionId, String eventType, String subject) {
        return entries.exists(interactionId, eventType, subject, null);
    }

    /**
     * Walks the whole chain in id order, {@value #VERIFY_BATCH} entries per query so memory stays constant,
     * checking that each entry links to its predecessor's hash (genesis for the first) and that its stored hash
     * is the hash of its fields. Deliberately not one transaction: a long walk must not hold a snapshot open,
     * and appends only ever extend the end of the chain.
     */
    public ChainVerification verify() {
        String expectedPrev = AuditChain.GENESIS;
        long lastId = 0;
        long walked = 0;
        List<ChainLink> batch;
        do {
            batch = entries.links(lastId, VERIFY_BATCH);
            for (ChainLink link : batch) {
                if (!expectedPrev.equals(link.prevHash())) {
                    return ChainVerification.broken(link.id(), ChainVerification.PREV_HASH_MISMATCH);
                }
                if (!AuditChain.hash(link.id(), link.entry(), link.prevHash()).equals(link.hash())) {
                    return ChainVerification.broken(link.id(), ChainVerification.HASH_MISMATCH);
                }
                expectedPrev = link.hash();
                lastId = link.id();
                walked++;
            }
        } while (batch.size() == VERIFY_BATCH);
        return ChainVerification.intact(walked, walked == 0 ? null : expectedPrev);
    }

    /** The entries of the query's interaction, task and/or actor, by occurred_at then insertion order. */
    @Transactional
    public List<AuditEntry> find(AuditQuery query) {
        return entries.matching(query);
    }
}
