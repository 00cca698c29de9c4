package org.opencc.context.history;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.Stage;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.support.consumer.EventConsumer;
import org.opencc.support.consumer.InboundEvent;

/**
 * Folds {@code cc.interactions.v1} into the {@code interaction} table the history reads. The insert is idempotent
 * by interaction id (one statement, no transaction needed), so a redelivery needs no {@code processed_event} row.
 */
@ApplicationScoped
public class InteractionListener {
    private final EventConsumer consumer;
    private final HistoryRepository history;

    public InteractionListener(EventConsumer consumer, HistoryRepository history) {
        this.consumer = consumer;
        this.history = history;
    }

    @Incoming("interactions-in")
    @Blocking
    public void onInteractionEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "InteractionListener.onInteractionEvent", Stage.CRM, this::apply);
    }

    private void apply(InboundEvent inbound) {
        if (inbound.event().orElse(null) instanceof InteractionCreated created) {
            history.insert(created);
        }
    }
}
