package org.opencc.contracts.task;

import java.time.Instant;

/** The worker accepted the reservation; the task is assigned. Key: taskSid. Producer: task-router. */
public record ReservationAccepted(
        String reservationSid,
        String taskSid,
        String workspaceSid,
        String workerSid,
        String taskQueueSid,
        String interactionId,
        Instant occurredAt)
        implements TaskEvent {
    public static final String TYPE = "reservation.accepted";

    @Override
    public String type() {
        return TYPE;
    }
}
