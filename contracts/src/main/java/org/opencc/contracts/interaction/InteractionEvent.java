package org.opencc.contracts.interaction;

import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/** Events about one interaction, on {@link Topics#INTERACTIONS}, keyed by interaction id. */
public sealed interface InteractionEvent extends DomainEvent permits InteractionCreated, InteractionAssigned, IntakeRefused {
    String interactionId();

    @Override
    default String topic() {
        return Topics.INTERACTIONS;
    }

    @Override
    default String key() {
        return interactionId();
    }
}
