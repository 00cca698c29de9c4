package org.opencc.contracts.task;

import java.time.Instant;

/** The worker rejected the reservation; the task is routed again. Key: taskSid. Producer: task-router. */
public record ReservationRejected(
        String reservationSid,
        String taskSid,
        String workspaceSid,
        String workerSid,
        String taskQueueSid,
        String interactionId,
        Instant occurredAt)
        implements TaskEvent {
    public static final String TYPE = "reservation.rejected";

    @Override
    public String type() {
        return TYPE;
    }
}
