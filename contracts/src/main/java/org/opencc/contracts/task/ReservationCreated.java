package org.opencc.contracts.task;

import java.time.Instant;

/** A reservation offered the task to a worker. Key: taskSid. Producer: task-router. */
public record ReservationCreated(
        String reservationSid,
        String taskSid,
        String workspaceSid,
        String workerSid,
        String taskQueueSid,
        String interactionId,
        Instant occurredAt)
        implements TaskEvent {
    public static final String TYPE = "reservation.created";

    @Override
    public String type() {
        return TYPE;
    }
}
