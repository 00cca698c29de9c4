package org.opencc.taskrouter.intake;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.Stage;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.support.consumer.EventConsumer;
import org.opencc.taskrouter.task.TaskService;

/** Opens a task for every {@code interaction.created}. */
@ApplicationScoped
public class InteractionListener {
    private final EventConsumer consumer;
    private final TaskService tasks;

    public InteractionListener(EventConsumer consumer, TaskService tasks) {
        this.consumer = consumer;
        this.tasks = tasks;
    }

    @Incoming("interactions-in")
    @Blocking
    public void onInteraction(ConsumerRecord<String, String> record) {
        consumer.consume(record, "InteractionListener.onInteraction", Stage.ROUTING, inbound -> {
            if (inbound.event().orElse(null) instanceof InteractionCreated created) {
                tasks.openForInteraction(inbound, created);
            }
        });
    }
}
