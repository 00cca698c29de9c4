package org.opencc.reporting.live;

/** Where a task stands in the live view; stored lower-case in {@code live_task.status}. */
public enum TaskStatus {
    /** Waiting in a queue (or, before task-queue.entered, waiting for one). */
    PENDING,
    /** Offered to a worker, not yet accepted. */
    RESERVED,
    /** Accepted by a worker. */
    ASSIGNED,
    /** Completed or canceled: counted nowhere. */
    ENDED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
