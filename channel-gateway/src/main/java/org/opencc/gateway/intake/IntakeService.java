package org.opencc.gateway.intake;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.gateway.config.GatewayConfig;
import org.opencc.gateway.interaction.Interaction;
import org.opencc.gateway.interaction.InteractionRepository;
import org.opencc.gateway.message.MessageRepository;
import org.opencc.gateway.message.StoredMessage;
import org.opencc.gateway.number.NumberMapping;
import org.opencc.gateway.number.NumberService;
import org.opencc.gateway.privacy.CustomerKeys;
import org.opencc.gateway.region.Regions;
import org.opencc.support.ids.Sids;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.tracing.TraceParent;

/**
 * Turns a verified inbound message into a message of an interaction. A message in an open conversation (same
 * customer, our number and channel; not ended; its last message less than {@code cc.gateway.conversation-idle}
 * ago) joins that interaction; any other opens a new interaction and its {@code interaction.created} event, or is
 * refused politely when the number it was sent to routes nowhere. A message to a number of another region (its
 * mapping's {@code region} is not {@code cc.gateway.region}) is not ours: it is handed to that region's gateway with
 * nothing stored here, or refused when that region has no URL ({@link Regions}). Twilio retries webhooks, so a
 * MessageSid seen before gets the answer it got the first time and changes nothing. Every refusal publishes
 * {@code intake.refused} in the same transaction: {@code unmapped-number} or {@code policy-residency} once per
 * message, {@code duplicate} for each repeat, and {@code bad-signature} once per sid a forged webhook claims.
 */
@ApplicationScoped
public class IntakeService {
    private final NumberService numbers;
    private final InteractionRepository interactions;
    private final IntakeRefusalRepository refusals;
    private final MessageRepository messages;
    private final GatewayConfig config;
    private final Regions regions;
    private final CustomerKeys customerKeys;
    private final OutboxWriter outbox;
    private final Clock clock;

    public IntakeService(NumberService numbers, InteractionRepository interactions, IntakeRefusalRepository refusals,
            MessageRepository messages, GatewayConfig config, Regions regions, CustomerKeys customerKeys,
            OutboxWriter outbox, Clock clock) {
        this.numbers = numbers;
        this.interactions = interactions;
        this.refusals = refusals;
        this.messages = messages;
        this.config = config;
        this.regions = regions;
        this.customerKeys = customerKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * What became of a message.
     *
     * @param interactionId the interaction it belongs to; null when refused
     * @param created whether this call created the interaction (false for a repeat or a refusal)
     * @param joined whether this call added the message to an open conversation's interaction
     * @param repeated whether the message was seen before (taken or refused): nothing changed
     * @param refusal why it was refused ({@code unmapped-number}, {@code policy-residency}; for a repeat, why the
     *     first delivery was), null when it was not
     * @param handOff where it was handed instead of being taken, null when it was not
     */
    public record Outcome(String interactionId, boolean created, boolean joined, boolean repeated, String refusal,
            HandOff handOff) {
        static Outcome taken(String interactionId, boolean created, boolean joined) {
            return new Outcome(interactionId, created, joined, false, null, null);
        }

        static Outcome refusedFor(String refusal) {
            return new Outcome(null, false, false, false, refusal, null);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * A message to a number of another region, handed to that region's gateway; nothing of it is stored here.
     *
     * @param region the number's region
     * @param url that region's inbound webhook, where Twilio is told to post the message
     */
    public record HandOff(String region, String url) {}

    /**
     * What became of a forged webhook.
     *
     * @param interactionId the interaction of the stored message whose sid it claimed (a tampered replay), or null
     * @param first whether this was the first forged request claiming the sid (only the first publishes)
     */
    public record Forgery(String interactionId, boolean first) {}

    @Transactional
    public Outcome accept(InboundMessage message) {
        // one conversation at a time: a repeat and a new message of it wait for whatever is being stored
        interactions.lockConversation(message.from(), message.toNumber(), message.channel());
        Instant now = clock.instant();
        Optional<StoredMessage> seen = messages.findByProviderSid(message.messageSid());
        if (seen.isPresent()) {
            return duplicate(seen.get().interactionId(), null, message, now);
        }
        Optional<String> refusedBefore = refusals.reason(message.messageSid());
        if (refusedBefore.isPresent()) {
            return duplicate(null, refusedBefore.get(), message, now);
        }
        Optional<Interaction> open = interactions.findOpenConversation(message.from(), message.toNumber(),
                message.channel(), now.minus(config.conversationIdle()));
        if (open.isPresent()) {
            // the conversation continues even if the number's mapping changed meanwhile: the task is routed
            messages.insertIfAbsent(inbound(open.get().id(), message, now));
            interactions.touch(open.get().id(), now, true);
            return Outcome.taken(open.get().id(), false, true);
        }
        Optional<NumberMapping> mapping = numbers.lookup(message.toNumber());
        if (mapping.isEmpty()) {
            return refuse(IntakeRefusalRepository.UNMAPPED_NUMBER, message, now);
        }
        String region = mapping.get().region();
        if (!regions.serves(region)) {
            // another region's message: its data belongs there, so nothing of it is stored here
            Optional<String> url = regions.inboundUrl(region);
            if (url.isPresent()) {
                return new Outcome(null, false, false, false, null, new HandOff(region, url.get()));
            }
            return refuse(IntakeRefusalRepository.POLICY_RESIDENCY, message, now);
        }
        Interaction interaction = newInteraction(message, mapping.get(), now);
        if (!interactions.insertIfAbsent(interaction)) {
            // stored before V2 without its message row, or by a concurrent delivery: it published the event
            return duplicate(interactions.findByProviderSid(message.messageSid()).map(Interaction::id)
                    .orElseThrow(), null, message, now);
        }
        messages.insertIfAbsent(inbound(interaction.id(), message, now));
        outbox.append(new InteractionCreated(interaction.id(), interaction.channel(), interaction.workspaceSid(),
                interaction.workflowSid(), interaction.customerKey(), interaction.country(), interaction.region(),
                interaction.createdAt(), mapping.get().expectedQueueSid()));
        return Outcome.taken(interaction.id(), true, false);
    }

    /** Refuses a message for {@code reason}: recorded once per message sid, published once. */
    private Outcome refuse(String reason, InboundMessage message, Instant now) {
        if (!refusals.record(message.messageSid(), message.toNumber(), reason, now)) {
            // refused by a concurrent delivery of the same message, which published the refusal
            return duplicate(null, refusals.reason(message.messageSid()).orElse(reason), message, now);
        }
        outbox.append(new IntakeRefused(null, message.messageSid(), message.channel().value(), reason,
                message.toNumber(), now));
        return Outcome.refusedFor(reason);
    }

    /**
     * Records a webhook whose signature did not verify, by the message sid it claimed (the caller checked its
     * shape; nothing else of the request is trusted). The first request claiming a sid publishes
     * {@code intake.refused} ({@code bad-signature}, no channel, no number), naming the interaction of a stored
     * message with that sid when there is one; later ones are only counted, so a replayed forgery writes one event.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Forgery refuseForged(String messageSid) {
        Instant now = clock.instant();
        String interactionId = messages.findByProviderSid(messageSid).map(StoredMessage::interactionId)
                .orElse(null);
        boolean first = refusals.recordForged(messageSid, now);
        if (first) {
            outbox.append(new IntakeRefused(interactionId, messageSid, null, IntakeRefused.BAD_SIGNATURE, null,
                    now));
        }
        return new Forgery(interactionId, first);
    }

    /**
     * A repeat of a message taken ({@code interactionId}, {@code refusal} null) or refused ({@code refusal}, no
     * interaction) before: refused as a duplicate.
     */
    private Outcome duplicate(String interactionId, String refusal, InboundMessage message, Instant now) {
        outbox.append(new IntakeRefused(interactionId, message.messageSid(), message.channel().value(),
                IntakeRefused.DUPLICATE, message.toNumber(), now));
        return new Outcome(interactionId, false, false, true, refusal, null);
    }

    private static StoredMessage inbound(String interactionId, InboundMessage message, Instant now) {
        return new StoredMessage(Sids.next("IM"), interactionId, StoredMessage.INBOUND, message.body(),
                message.messageSid(), StoredMessage.RECEIVED, null, null, null, null, now, now);
    }

    private Interaction newInteraction(InboundMessage message, NumberMapping mapping, Instant now) {
        return new Interaction(Sids.next("IN"), message.channel(), message.messageSid(), message.from(),
                message.toNumber(), message.body(), customerKeys.of(message.fromNumber()), message.country(),
                mapping.workspaceSid(), mapping.workflowSid(), mapping.region(), Interaction.QUEUED, null, null,
                TraceParent.format(Span.current().getSpanContext()).orElse(null), now, now, now, now, null);
    }
}
