package org.opencc.gateway.assignment;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.Stage;
import org.opencc.support.consumer.EventConsumer;

/** Reads {@code cc.tasks.v1} (channel {@code tasks-in}) one record at a time. */
@ApplicationScoped
public class TaskEventListener {
    private final EventConsumer consumer;
    private final AssignmentService assignments;

    public TaskEventListener(EventConsumer consumer, AssignmentService assignments) {
        this.consumer = consumer;
        this.assignments = assignments;
    }

    // connecting the agent to the customer's thread is the gateway's channel work: stage intake
    @Incoming("tasks-in")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "TaskEventListener.onTaskEvent", Stage.INTAKE, assignments::handle);
    }
}
