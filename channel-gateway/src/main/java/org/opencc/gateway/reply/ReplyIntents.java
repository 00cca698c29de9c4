package org.opencc.gateway.reply;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.opencc.contracts.Channel;
import org.opencc.gateway.interaction.Interaction;
import org.opencc.gateway.interaction.InteractionRepository;
import org.opencc.gateway.message.MessageRepository;
import org.opencc.gateway.message.MessageStatus;
import org.opencc.gateway.message.StoredMessage;
import org.opencc.gateway.phone.E164;
import org.opencc.gateway.problem.ProblemTypes;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;
import org.opencc.support.security.Caller;
import org.opencc.support.security.Roles;

/**
 * The transactional steps of a reply: the intent row ({@code queued}) committed before Twilio is called, then
 * Twilio's answer ({@code sent} or {@code failed}). Each method is its own transaction.
 */
@ApplicationScoped
public class ReplyIntents {
    /** WhatsApp's customer-care window: free-form messages only this long after the customer's last message. */
    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    private final InteractionRepository interactions;
    private final MessageRepository messages;
    private final Caller caller;
    private final Clock clock;

    public ReplyIntents(InteractionRepository interactions, MessageRepository messages, Caller caller, Clock clock) {
        this.interactions = interactions;
        this.messages = messages;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * A queued reply and where it goes.
     *
     * @param fresh true when this call queued it; false when the idempotency key names an earlier request
     */
    public record Queued(StoredMessage message, boolean fresh, String to, String from) {}

    /** Checks who may reply and whether the channel allows it, then records the intent (or finds the earlier one). */
    @Transactional
    public Queued queue(String interactionId, String body, String idempotencyKey) {
        Interaction interaction = interactions.find(interactionId)
                .orElseThrow(() -> ProblemException.notFound("Interaction " + interactionId));
        if (interaction.ended()) {
            throw new ProblemException(ProblemTypes.INTERACTION_ENDED, "Interaction " + interactionId + " has ended");
        }
        if (interaction.workerSid() == null) {
            throw new ProblemException(ProblemTypes.INTERACTION_NOT_ASSIGNED,
                    "Interaction " + interactionId + " has no agent yet");
        }
        if (!caller.hasRole(Roles.SUPERVISOR) && !caller.hasRole(Roles.ADMIN)
                && !caller.workerSid().filter(interaction.workerSid()::equals).isPresent()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only the agent the interaction is assigned to may reply");
        }
        String to = interaction.customerAddress();
        String from = interaction.channel() == Channel.WHATSAPP
                ? E164.WHATSAPP_PREFIX + interaction.toNumber() : interaction.toNumber();
        Optional<Queued> earlier = earlier(interactionId, idempotencyKey, body, to, from);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        if (interaction.channel() == Channel.WHATSAPP && (interaction.lastInboundAt() == null
                || !now.isBefore(interaction.lastInboundAt().plus(WHATSAPP_WINDOW)))) {
            throw new ProblemException(ProblemTypes.WHATSAPP_SESSION_CLOSED, "The customer's last WhatsApp"
                    + " message is more than 24 hours old: only an approved template may be sent"
                    + " (rule whatsapp-session-closed)");
        }
        StoredMessage message = new StoredMessage(Sids.next("IM"), interactionId, StoredMessage.OUTBOUND, body,
                null, MessageStatus.QUEUED, idempotencyKey, caller.subject(), null, null, now, now);
        if (!messages.insertIfAbsent(message)) {
            // a concurrent request with the same key committed first
            return earlier(interactionId, idempotencyKey, body, to, from).orElseThrow();
        }
        interactions.touch(interactionId, now, false);
        return new Queued(message, true, to, from);
    }

    @Transactional
    public StoredMessage sent(String messageId, String providerSid) {
        messages.markSent(messageId, providerSid, clock.instant());
        return messages.find(messageId).orElseThrow();
    }

    @Transactional
    public StoredMessage failed(String messageId, Integer errorCode, String errorMessage) {
        messages.markFailed(messageId, errorCode, errorMessage, clock.instant());
        return messages.find(messageId).orElseThrow();
    }

    private Optional<Queued> earlier(String interactionId, String idempotencyKey, String body, String to,
            String from) {
        Optional<StoredMessage> earlier = messages.findByIdempotencyKey(interactionId, idempotencyKey);
        if (earlier.isPresent() && !body.equals(earlier.get().body())) {
            throw new ProblemException(ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different message");
        }
        return earlier.map(message -> new Queued(message, false, to, from));
    }
}
