package org.opencc.taskrouter.reservation;

import java.time.Instant;

/**
 * An offer of a task to one worker. {@code reservationStatus}: pending, accepted, rejected, timeout, canceled,
 * rescinded, completed, wrapping.
 */
public record Reservation(String sid, String workspaceSid, String taskSid, String workerSid, String workerName,
        String taskQueueSid, String taskChannel, String reservationStatus, Instant timeoutAt, Instant dateCreated,
        Instant dateUpdated) {}
