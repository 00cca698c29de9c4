package org.opencc.gateway.message;

import java.time.Instant;

/**
 * One message of an interaction as the gateway stores it, text included (it never leaves this service except to
 * Twilio and to the agent who wrote it).
 *
 * @param direction {@link #INBOUND} from the customer or {@link #OUTBOUND} from an agent
 * @param providerSid Twilio's MessageSid; null for an outbound message Twilio has not accepted (yet)
 * @param status inbound: {@code received}; outbound: one of {@link MessageStatus}
 * @param idempotencyKey outbound only: the key a repeated request is recognised by
 * @param createdBy outbound only: the subject of the caller who sent it
 * @param errorCode outbound only: Twilio's error code when it refused or failed the message
 */
public record StoredMessage(
        String id,
        String interactionId,
        String direction,
        String body,
        String providerSid,
        String status,
        String idempotencyKey,
        String createdBy,
        Integer errorCode,
        String errorMessage,
        Instant createdAt,
        Instant updatedAt) {
    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";
    /** Status of every inbound message. */
    public static final String RECEIVED = "received";
}
