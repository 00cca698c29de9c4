package org.opencc.contracts.task;

import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.Topics;

/** TaskRouter events on {@link Topics#TASKS}, keyed by task sid, named as TaskRouter names them. */
public sealed interface TaskEvent extends DomainEvent
        permits TaskCreated, TaskQueueEntered, ReservationCreated, ReservationAccepted, ReservationRejected,
        ReservationTimedOut, TaskCompleted, TaskCanceled, CallbackFailed {
    String taskSid();

    String workspaceSid();

    /** The interaction the task was opened for; null for tasks created through the REST API. */
    String interactionId();

    @Override
    default String topic() {
        return Topics.TASKS;
    }

    @Override
    default String key() {
        return taskSid();
    }
}
