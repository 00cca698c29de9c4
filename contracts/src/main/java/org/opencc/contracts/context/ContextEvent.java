package org.opencc.contracts.context;

import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/**
 * Context reads on {@link Topics#CONTEXT}, published by agent-context: every read of a customer's context, answered
 * or refused, so compliance-service can audit who read what and the journey can blame a late or failing CRM.
 * Keyed by task sid, or by the customer key for a supervisor's read of a customer without a task.
 */
public sealed interface ContextEvent extends DomainEvent permits ContextServed, ContextDenied {
    /** The task read, null for a read by customer key. */
    String taskSid();

    /** Pseudonymous key of the customer whose context was read; null when a refused read never got that far. */
    String customerKey();

    /** Who read. */
    Reader reader();

    @Override
    default String topic() {
        return Topics.CONTEXT;
    }

    @Override
    default String key() {
        return taskSid() != null ? taskSid() : customerKey();
    }
}
