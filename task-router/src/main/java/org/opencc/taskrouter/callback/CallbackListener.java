package org.opencc.taskrouter.callback;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.Stage;
import org.opencc.support.consumer.EventConsumer;

/**
 * Feeds the callbacks from Kafka, each in its own consumer group, so callbacks run after the routing
 * transaction committed and a slow customer server delays only other callbacks, never routing.
 */
@ApplicationScoped
public class CallbackListener {
    private final EventConsumer consumer;
    private final AssignmentCallbacks assignments;
    private final EventCallbacks events;

    public CallbackListener(EventConsumer consumer, AssignmentCallbacks assignments, EventCallbacks events) {
        this.consumer = consumer;
        this.assignments = assignments;
        this.events = events;
    }

    /** {@code reservation.created} on cc.tasks.v1 (group task-router-callbacks). */
    @Incoming("callbacks-in")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "CallbackListener.onTaskEvent", Stage.WEBHOOK, assignments::handle);
    }

    /** Every event on cc.tasks.v1 and cc.workers.v1 (group task-router-event-callbacks). */
    @Incoming("event-callbacks-in")
    @Blocking
    public void onAnyEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "CallbackListener.onAnyEvent", Stage.WEBHOOK, events::handle);
    }
}
