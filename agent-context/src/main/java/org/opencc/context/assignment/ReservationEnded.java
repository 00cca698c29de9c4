package org.opencc.context.assignment;

/**
 * CDI event: a reservation of the task ended (rejected, timed out, or the task completed or was canceled). Fired
 * inside the consumer's transaction; observe it {@code during = AFTER_SUCCESS}.
 */
public record ReservationEnded(String taskSid) {}
