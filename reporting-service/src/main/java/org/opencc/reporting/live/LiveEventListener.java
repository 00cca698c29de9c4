package org.opencc.reporting.live;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.Stage;
import org.opencc.support.consumer.EventConsumer;

/**
 * Reads {@code cc.tasks.v1} (channel {@code tasks-in}) and {@code cc.workers.v1} (channel {@code workers-in}) one
 * record at a time. Both channels use the one group {@code reporting-service}: the state lives in PostgreSQL, so
 * each event is applied once across replicas and every replica reads the result.
 */
@ApplicationScoped
public class LiveEventListener {
    private final EventConsumer consumer;
    private final LiveStateService live;

    public LiveEventListener(EventConsumer consumer, LiveStateService live) {
        this.consumer = consumer;
        this.live = live;
    }

    @Incoming("tasks-in")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "LiveEventListener.onTaskEvent", Stage.REPORTING, live::handle);
    }

    @Incoming("workers-in")
    @Blocking
    public void onWorkerEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "LiveEventListener.onWorkerEvent", Stage.REPORTING, live::handle);
    }
}
