package org.opencc.contracts.interaction;

import java.time.Instant;

/**
 * The gateway connected an accepted reservation's worker to the interaction. Key: interactionId. Producer:
 * channel-gateway. Consumers: compliance-service, reporting-service.
 */
public record InteractionAssigned(String interactionId, String taskSid, String workerSid, Instant assignedAt)
        implements InteractionEvent {
    public static final String TYPE = "interaction.assigned";

    @Override
    public String type() {
        return TYPE;
    }
}
