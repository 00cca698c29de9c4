package org.opencc.contracts.task;

import java.time.Instant;

/** Nobody answered the reservation in time; the task is routed again. Key: taskSid. Producer: task-router. */
public record ReservationTimedOut(
        String reservationSid,
        String taskSid,
        String workspaceSid,
        String workerSid,
        String taskQueueSid,
        String interactionId,
        Instant occurredAt)
        implements TaskEvent {
    public static final String TYPE = "reservation.timeout";

    @Override
    public String type() {
        return TYPE;
    }
}
