package org.opencc.gateway.interaction;

import java.time.Instant;
import org.opencc.contracts.Channel;

/**
 * One customer interaction as the gateway stores it, personal data included: {@code customerAddress},
 * {@code toNumber} and {@code body} never leave this service.
 *
 * @param providerSid Twilio's id of what started it (MessageSid), unique
 * @param rootTraceparent the trace context of the request that started it, for span links from later work
 * @param lastMessageAt the last message either way: the conversation's idle timeout counts from it
 * @param lastInboundAt the customer's last message (WhatsApp's customer-care window), null if none
 * @param endedAt when its task completed or was canceled; an ended interaction takes no more messages
 */
public record Interaction(
        String id,
        Channel channel,
        String providerSid,
        String customerAddress,
        String toNumber,
        String body,
        String customerKey,
        String country,
        String workspaceSid,
        String workflowSid,
        String region,
        String status,
        String taskSid,
        String workerSid,
        String rootTraceparent,
        Instant createdAt,
        Instant updatedAt,
        Instant lastMessageAt,
        Instant lastInboundAt,
        Instant endedAt) {
    /** Waiting for TaskRouter to find an agent. */
    public static final String QUEUED = "queued";
    /** An agent accepted it. */
    public static final String ASSIGNED = "assigned";
    /** Its task completed or was canceled. */
    public static final String ENDED = "ended";

    public boolean ended() {
        return endedAt != null;
    }
}
