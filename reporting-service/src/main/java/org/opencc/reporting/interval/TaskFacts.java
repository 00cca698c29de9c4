package org.opencc.reporting.interval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskQueueEntered;

/**
 * Folds task events into {@code task_fact}, the per-task facts interval metrics are computed from. Runs in the
 * transaction of the event's {@code processed_event} row; the writes are order-independent besides (see
 * {@link TaskFactRepository}), so even an event repeated under a new id changes nothing. An event without its event
 * time is skipped: bucketing by arrival time would not be exact.
 */
@ApplicationScoped
public class TaskFacts {
    private final TaskFactRepository repository;
    private final Clock clock;

    public TaskFacts(TaskFactRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records what {@code event} says about its task; reservation offers, rejections and timeouts say nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(DomainEvent event) {
        if (event instanceof TaskCreated created) {
            repository.created(created.taskSid(), created.workspaceSid(), channel(created),
                    created.workflowSid(), clock.instant());
        } else if (event instanceof TaskQueueEntered entered && entered.occurredAt() != null) {
            repository.entered(entered.taskSid(), entered.workspaceSid(), entered.taskQueueSid(),
                    entered.occurredAt(), clock.instant());
        } else if (event instanceof ReservationAccepted accepted && accepted.occurredAt() != null) {
            repository.accepted(accepted.taskSid(), accepted.workspaceSid(), accepted.taskQueueSid(),
                    accepted.workerSid(), accepted.occurredAt(), clock.instant());
        } else if (event instanceof TaskCompleted completed && completed.occurredAt() != null) {
            repository.completed(completed.taskSid(), completed.workspaceSid(), completed.taskQueueSid(),
                    completed.occurredAt(), clock.instant());
        } else if (event instanceof TaskCanceled canceled && canceled.occurredAt() != null) {
            repository.canceled(canceled.taskSid(), canceled.workspaceSid(), canceled.taskQueueSid(),
                    canceled.occurredAt(), clock.instant());
        }
    }

    /**
     * The interaction's medium from the attributes the gateway set ({@code channel}); for tasks created through
     * the REST API without one, the TaskRouter task channel's name.
     */
    static String channel(TaskCreated created) {
        if (created.attributes() != null && !created.attributes().isBlank()) {
            try {
                JsonNode channel = EventCodec.mapper().readTree(created.attributes()).get("channel");
                if (channel != null && channel.isTextual() && !channel.asText().isBlank()) {
                    return channel.asText();
                }
            } catch (JsonProcessingException e) {
                // attributes are free JSON text from the API caller: unreadable ones just tell us no channel
            }
        }
        return created.taskChannel();
    }
}
