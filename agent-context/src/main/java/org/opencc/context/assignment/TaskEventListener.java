package org.opencc.context.assignment;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.Stage;
import org.opencc.support.consumer.EventConsumer;

/** Folds {@code cc.tasks.v1} into the task and reservation views, one record at a time. */
@ApplicationScoped
public class TaskEventListener {
    private final EventConsumer consumer;
    private final AssignmentService assignments;

    public TaskEventListener(EventConsumer consumer, AssignmentService assignments) {
        this.consumer = consumer;
        this.assignments = assignments;
    }

    @Incoming("tasks-in")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "TaskEventListener.onTaskEvent", Stage.ROUTING, assignments::handle);
    }
}
