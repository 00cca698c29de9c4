package org.opencc.compliance.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * Who did what, when, to which interaction or task: one per event seen on a topic. Ids, the producing service or
 * the person acting, and for a context read the names of what was read; the event's value is never stored, so
 * nothing personal can reach the audit trail.
 *
 * @param eventId the record's {@code ce_id}, unique: a redelivered event lands once
 * @param topic the topic the record came from
 * @param eventType the record's {@code ce_type}, also for types this service does not know
 * @param subject the record's {@code ce_subject} (else the decoded event's subject)
 * @param actor who caused the event: the record's {@code ce_source}, e.g. {@code /cc/task-router}; for a context
 *     read the reader's JWT subject, for a recording decision the caller's
 * @param actorRole the role the actor acted under (a context read's reader role), null when the event names none
 * @param interactionId the interaction the event is about, when the decoded event names one
 * @param taskSid the task the event is about, when the decoded event names one
 * @param workerSid the worker the event is about, when the decoded event names one (a context read: the reader's)
 * @param reservationSid the reservation the event is about, when the decoded event names one
 * @param traceId the trace of the record's {@code traceparent}, to find the spans around it
 * @param occurredAt the event's own time, else its {@code ce_time}, else when it was recorded
 * @param recordedAt when this service recorded it
 * @param detail what the event did beyond its ids, as a JSON object (for a context read: read id, customer key,
 *     member paths served and masked, each source's name and status, partial; or the refusal's reason), null when
 *     there is nothing more to say. Held as the JSON text PostgreSQL renders for the stored jsonb, which is what
 *     the chain hashes; answered as an object, not a string
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEntry(
        String eventId,
        String topic,
        String eventType,
        String subject,
        String actor,
        String actorRole,
        String interactionId,
        String taskSid,
        String workerSid,
        String reservationSid,
        String traceId,
        Instant occurredAt,
        Instant recordedAt,
        @JsonRawValue String detail) {}
