package org.opencc.context.crm;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one source answered a context read. */
public enum SourceStatus {
    OK("ok"),
    /** No answer within the source's timeout or the read's deadline. */
    TIMEOUT("timeout"),
    /** A failure status (5xx, unexpected codes), an unreadable body, or no connection. */
    ERROR("error"),
    /** The CRM does not know the customer (or the task has no customer key). */
    NOT_FOUND("not_found"),
    /** The source's circuit breaker is open after repeated failures: it was not asked. */
    CIRCUIT_OPEN("circuit-open"),
    /** The source failed (or its circuit is open); the answer is its last cached profile, {@code age_ms} old. */
    STALE("stale"),
    /**
     * The source was not asked: the read has no value for a variable of its path (a task without an e-mail, a read
     * by customer key of a source that needs a task), or it already has its maximum of calls in flight.
     */
    SKIPPED("skipped");

    private final String value;

    SourceStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
