package org.opencc.contracts;

/**
 * An event published on a topic. Implementations are records named after their {@link #type()} and carry no
 * personal data: ids and a pseudonymous customer key only.
 */
public interface DomainEvent {
    /** The CloudEvents type ({@code ce_type}), e.g. {@code reservation.accepted}. */
    String type();

    /** The topic the event is published on. */
    String topic();

    /** The record key: the aggregate id, so an aggregate's events stay in order on one partition. */
    String key();

    /** The CloudEvents subject ({@code ce_subject}): the resource the event is about. */
    default String subject() {
        return key();
    }
}
