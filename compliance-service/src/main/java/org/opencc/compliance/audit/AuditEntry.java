package org.opencc.compliance.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * Who did what, when, to which interaction or task: one per event seen on a topic. Ids and the producing service
 * only; the event's value is never stored, so nothing personal can reach the audit trail.
 *
 * @param eventId the record's {@code ce_id}, unique: a redelivered event lands once
 * @param topic the topic the record came from
 * @param eventType the record's {@code ce_type}, also for types this service does not know
 * @param subject the record's {@code ce_subject} (else the decoded event's subject)
 * @param actor who caused the event: the record's {@code ce_source}, e.g. {@code /cc/task-router}
 * @param interactionId the interaction the event is about, when the decoded event names one
 * @param taskSid the task the event is about, when the decoded event names one
 * @param workerSid the worker the event is about, when the decoded event names one
 * @param reservationSid the reservation the event is about, when the decoded event names one
 * @param traceId the trace of the record's {@code traceparent}, to find the spans around it
 * @param occurredAt the event's own time, else its {@code ce_time}, else when it was recorded
 * @param recordedAt when this service recorded it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEntry(
        String eventId,
        String topic,
        String eventType,
        String subject,
        String actor,
        String interactionId,
        String taskSid,
        String workerSid,
        String reservationSid,
        String traceId,
        Instant occurredAt,
        Instant recordedAt) {}
