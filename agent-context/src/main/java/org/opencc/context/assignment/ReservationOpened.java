package org.opencc.context.assignment;

/**
 * CDI event: a {@code reservation.created} was applied. Fired inside the consumer's transaction; observers that act
 * on it outside the database observe it {@code during = AFTER_SUCCESS}.
 */
public record ReservationOpened(String taskSid, String reservationSid) {}
