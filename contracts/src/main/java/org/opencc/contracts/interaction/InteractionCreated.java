package org.opencc.contracts.interaction;

import java.time.Instant;
import org.opencc.contracts.Channel;

/**
 * A call, message or chat reached us and was accepted for routing. Key: interactionId. Producer:
 * channel-gateway. Consumers: task-router (opens a task), compliance-service, reporting-service.
 *
 * @param interactionId our id for the interaction ({@code IN} + 32 hex)
 * @param channel the medium
 * @param workspaceSid the TaskRouter workspace the dialled number maps to
 * @param workflowSid the workflow that routes it
 * @param customerKey pseudonymous key of the customer (keyed hash of their address), never the address
 * @param country ISO 3166 alpha-2 country of the customer's number when known, else null
 * @param region the deployment region the number belongs to
 * @param createdAt when the gateway accepted it
 * @param expectedQueueSid the queue the dialled number's mapping says its interactions belong in, null when it
 *     declares none; task-router copies it into the task's attributes as {@code expected_queue}, and a journey
 *     whose task lands elsewhere is a misroute
 */
public record InteractionCreated(
        String interactionId,
        Channel channel,
        String workspaceSid,
        String workflowSid,
        String customerKey,
        String country,
        String region,
        Instant createdAt,
        String expectedQueueSid)
        implements InteractionEvent {
    public static final String TYPE = "interaction.created";

    /** An interaction whose number declares no expected queue. */
    public InteractionCreated(String interactionId, Channel channel, String workspaceSid, String workflowSid,
            String customerKey, String country, String region, Instant createdAt) {
        this(interactionId, channel, workspaceSid, workflowSid, customerKey, country, region, createdAt, null);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
