package org.opencc.compliance.audit;

import java.time.Instant;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.context.ContextDenied;
import org.opencc.contracts.context.ContextEvent;
import org.opencc.contracts.context.ContextServed;
import org.opencc.contracts.context.Reader;
import org.opencc.contracts.interaction.InteractionAssigned;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.contracts.interaction.InteractionEvent;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.ReservationRejected;
import org.opencc.contracts.task.ReservationTimedOut;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.contracts.worker.WorkerActivityUpdated;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.ids.Sids;
import org.opencc.support.tracing.TraceParent;

/**
 * Turns an inbound event into its audit entry. Only the envelope and the ids of the decoded event are taken (and,
 * for a context read, its reader and the names of what it read): copying field by field (rather than storing the
 * value) is what keeps personal data out of the trail even when a producer puts something it should not into a
 * value.
 */
final class AuditEntryMapper {
    private AuditEntryMapper() {}

    /**
     * @param topic the record's topic
     * @param ceTime the record's {@code ce_time}, or null when it had none (or an unreadable one)
     * @param recordedAt now
     */
    static AuditEntry toEntry(String topic, InboundEvent inbound, Instant ceTime, Instant recordedAt) {
        DomainEvent event = inbound.event().orElse(null);
        EventIds ids = event == null ? EventIds.NONE : ids(event);
        Instant occurredAt = ids.occurredAt() != null ? ids.occurredAt() : ceTime != null ? ceTime : recordedAt;
        String subject = inbound.subject() != null ? inbound.subject() : event == null ? null : event.subject();
        // an event of a type we cannot decode still names its aggregate in ce_subject: keep it findable by id
        String interactionId = ids.interactionId() != null ? ids.interactionId()
                : Sids.isValid("IN", subject) ? subject : null;
        String taskSid = ids.taskSid() != null ? ids.taskSid() : Sids.isValid("WT", subject) ? subject : null;
        String workerSid = ids.workerSid() != null ? ids.workerSid() : Sids.isValid("WK", subject) ? subject : null;
        // a context read was done by a person, through agent-context: the person is the actor
        Reader reader = event instanceof ContextEvent context ? context.reader() : null;
        String actor = reader != null && reader.subject() != null ? reader.subject() : inbound.source();
        String actorRole = reader == null ? null : reader.role();
        ContextReadDetail detail = event instanceof ContextEvent context ? ContextReadDetail.of(context) : null;
        return new AuditEntry(inbound.id(), topic, inbound.type(), subject, actor, actorRole, interactionId,
                taskSid, workerSid, ids.reservationSid(), TraceParent.traceId(inbound.traceparent()).orElse(null),
                occurredAt, recordedAt, detail == null ? null : detail.json());
    }

    // Java 17: no pattern-matching switch, so one instanceof per record; the sealed interfaces come after their
    // records so a task, interaction or context event added to the contracts later still gets its ids, if not
    // its time
    private static EventIds ids(DomainEvent event) {
        if (event instanceof InteractionCreated e) {
            return new EventIds(e.interactionId(), null, null, null, e.createdAt());
        }
        if (event instanceof InteractionAssigned e) {
            return new EventIds(e.interactionId(), e.taskSid(), e.workerSid(), null, e.assignedAt());
        }
        if (event instanceof TaskCreated e) {
            return new EventIds(e.interactionId(), e.taskSid(), null, null, e.createdAt());
        }
        if (event instanceof TaskQueueEntered e) {
            return new EventIds(e.interactionId(), e.taskSid(), null, null, e.occurredAt());
        }
        if (event instanceof ReservationCreated e) {
            return new EventIds(e.interactionId(), e.taskSid(), e.workerSid(), e.reservationSid(), e.occurredAt());
        }
        if (event instanceof ReservationAccepted e) {
            return new EventIds(e.interactionId(), e.taskSid(), e.workerSid(), e.reservationSid(), e.occurredAt());
        }
        if (event instanceof ReservationRejected e) {
            return new EventIds(e.interactionId(), e.taskSid(), e.workerSid(), e.reservationSid(), e.occurredAt());
        }
        if (event instanceof ReservationTimedOut e) {
            return new EventIds(e.interactionId(), e.taskSid(), e.workerSid(), e.reservationSid(), e.occurredAt());
        }
        if (event instanceof TaskCompleted e) {
            return new EventIds(e.interactionId(), e.taskSid(), null, null, e.occurredAt());
        }
        if (event instanceof TaskCanceled e) {
            return new EventIds(e.interactionId(), e.taskSid(), null, null, e.occurredAt());
        }
        if (event instanceof WorkerActivityUpdated e) {
            return new EventIds(null, null, e.workerSid(), null, e.occurredAt());
        }
        if (event instanceof ContextServed e) {
            return new EventIds(e.interactionId(), e.taskSid(), workerSid(e.reader()), null, e.servedAt());
        }
        if (event instanceof ContextDenied e) {
            return new EventIds(null, e.taskSid(), workerSid(e.reader()), null, e.occurredAt());
        }
        if (event instanceof ContextEvent e) {
            return new EventIds(null, e.taskSid(), workerSid(e.reader()), null, null);
        }
        if (event instanceof TaskEvent e) {
            return new EventIds(e.interactionId(), e.taskSid(), null, null, null);
        }
        if (event instanceof InteractionEvent e) {
            return new EventIds(e.interactionId(), null, null, null, null);
        }
        return EventIds.NONE;
    }

    private static String workerSid(Reader reader) {
        return reader == null ? null : reader.workerSid();
    }

    /** The ids and the time an event carries; null members where it carries none. */
    private record EventIds(String interactionId, String taskSid, String workerSid, String reservationSid,
            Instant occurredAt) {
        static final EventIds NONE = new EventIds(null, null, null, null, null);
    }
}
