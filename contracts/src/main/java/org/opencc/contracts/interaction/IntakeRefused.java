package org.opencc.contracts.interaction;

import java.time.Instant;

/**
 * The gateway refused a provider webhook: its signature did not verify, the number it was sent to routes nowhere
 * (no mapping, or another region's that this deployment cannot hand it to), or it repeats a message already taken (Twilio retries a webhook it thinks failed). Journeys name the
 * {@code intake} stage from it. Key: the interaction's id when the message belongs to one, else the message sid.
 * Producer: channel-gateway. Consumers: reporting-service (journeys).
 *
 * @param interactionId the interaction the message belongs to (a repeat, or a forged copy of a message we took);
 *     null when it belongs to none, and then the message sid is its journey's id
 * @param messageSid the provider's id of the message ({@code MessageSid}), as the request gave it
 * @param channel {@code sms}, {@code whatsapp} ..., null when the request did not say or could not be trusted
 * @param reason {@link #BAD_SIGNATURE}, {@link #UNMAPPED_NUMBER}, {@link #POLICY_RESIDENCY} or
 *     {@link #DUPLICATE}
 * @param toNumber the number of ours the message was sent to (our own number, not personal data); null for a
 *     forged request, whose parameters are not trusted
 */
public record IntakeRefused(String interactionId, String messageSid, String channel, String reason,
        String toNumber, Instant occurredAt) implements InteractionEvent {
    public static final String TYPE = "intake.refused";
    /** The request's {@code X-Twilio-Signature} was missing or did not verify: forged, or a wrong auth token. */
    public static final String BAD_SIGNATURE = "bad-signature";
    /** The number the message was sent to has no mapping to a workspace and workflow. */
    public static final String UNMAPPED_NUMBER = "unmapped-number";
    /**
     * The number belongs to another region (residency) that this deployment cannot hand the message to: no URL is
     * configured for it. A region with a URL gets the message by a TwiML redirect, and no event.
     */
    public static final String POLICY_RESIDENCY = "policy-residency";
    /** The message was taken before; the repeat changed nothing. */
    public static final String DUPLICATE = "duplicate";

    @Override
    public String type() {
        return TYPE;
    }

    /** The journey the refusal belongs to: the interaction's, or the message's own. */
    @Override
    public String key() {
        return interactionId != null ? interactionId : messageSid;
    }
}
