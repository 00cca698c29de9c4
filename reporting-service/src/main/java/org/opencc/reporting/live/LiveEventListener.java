package org.opencc.reporting.live;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.Stage;
import org.opencc.support.consumer.BatchEventConsumer;

/**
 * Reads {@code cc.tasks.v1} (channel {@code tasks-in}) and {@code cc.workers.v1} (channel {@code workers-in}) a
 * polled batch at a time, each batch in one transaction ({@link BatchEventConsumer}: one commit per batch instead
 * of one per event). Both channels use the one group {@code reporting-service}: the state lives in
 * PostgreSQL, so each event is applied once across replicas and every replica reads the result.
 */
@ApplicationScoped
public class LiveEventListener {
    private final BatchEventConsumer consumer;
    private final LiveStateService live;

    public LiveEventListener(BatchEventConsumer consumer, LiveStateService live) {
        this.consumer = consumer;
        this.live = live;
    }

    @Incoming("tasks-in")
    @Blocking
    public void onTaskEvents(ConsumerRecords<String, String> records) {
        consumer.consume(records, "tasks-in", "LiveEventListener.onTaskEvent", Stage.REPORTING, live::startBatch,
                live::handle);
    }

    @Incoming("workers-in")
    @Blocking
    public void onWorkerEvents(ConsumerRecords<String, String> records) {
        consumer.consume(records, "workers-in", "LiveEventListener.onWorkerEvent", Stage.REPORTING,
                live::startBatch, live::handle);
    }
}
