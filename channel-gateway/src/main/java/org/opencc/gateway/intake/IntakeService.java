package org.opencc.gateway.intake;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.gateway.interaction.Interaction;
import org.opencc.gateway.interaction.InteractionRepository;
import org.opencc.gateway.number.NumberMapping;
import org.opencc.gateway.number.NumberService;
import org.opencc.gateway.privacy.CustomerKeys;
import org.opencc.support.ids.Sids;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.tracing.TraceParent;

/**
 * Turns a verified inbound message into an interaction and its {@code interaction.created} event, or refuses it
 * politely when the number it was sent to routes nowhere. Twilio retries webhooks, so a MessageSid seen before
 * gets the answer it got the first time and changes nothing.
 */
@ApplicationScoped
public class IntakeService {
    private final NumberService numbers;
    private final InteractionRepository interactions;
    private final IntakeRefusalRepository refusals;
    private final CustomerKeys customerKeys;
    private final OutboxWriter outbox;
    private final Clock clock;

    public IntakeService(NumberService numbers, InteractionRepository interactions, IntakeRefusalRepository refusals,
            CustomerKeys customerKeys, OutboxWriter outbox, Clock clock) {
        this.numbers = numbers;
        this.interactions = interactions;
        this.refusals = refusals;
        this.customerKeys = customerKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * What became of a message.
     *
     * @param interactionId the interaction it belongs to; null when refused
     * @param created whether this call created the interaction (false for a repeat or a refusal)
     */
    public record Outcome(String interactionId, boolean created) {
        public boolean refused() {
            return interactionId == null;
        }
    }

    @Transactional
    public Outcome accept(InboundMessage message) {
        Optional<Interaction> seen = interactions.findByProviderSid(message.messageSid());
        if (seen.isPresent()) {
            return new Outcome(seen.get().id(), false);
        }
        if (refusals.exists(message.messageSid())) {
            return new Outcome(null, false);
        }
        Optional<NumberMapping> mapping = numbers.lookup(message.toNumber());
        Instant now = clock.instant();
        if (mapping.isEmpty()) {
            refusals.record(message.messageSid(), message.toNumber(), IntakeRefusalRepository.NUMBER_NOT_MAPPED,
                    now);
            return new Outcome(null, false);
        }
        Interaction interaction = newInteraction(message, mapping.get(), now);
        if (!interactions.insertIfAbsent(interaction)) {
            // a concurrent delivery of the same message committed first: it published the event
            return new Outcome(interactions.findByProviderSid(message.messageSid()).map(Interaction::id)
                    .orElseThrow(), false);
        }
        outbox.append(new InteractionCreated(interaction.id(), interaction.channel(), interaction.workspaceSid(),
                interaction.workflowSid(), interaction.customerKey(), interaction.country(), interaction.region(),
                interaction.createdAt()));
        return new Outcome(interaction.id(), true);
    }

    private Interaction newInteraction(InboundMessage message, NumberMapping mapping, Instant now) {
        return new Interaction(Sids.next("IN"), message.channel(), message.messageSid(), message.from(),
                message.toNumber(), message.body(), customerKeys.of(message.fromNumber()), message.country(),
                mapping.workspaceSid(), mapping.workflowSid(), mapping.region(), Interaction.QUEUED, null, null,
                TraceParent.format(Span.current().getSpanContext()).orElse(null), now, now);
    }
}
