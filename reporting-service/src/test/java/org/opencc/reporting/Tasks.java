package org.opencc.reporting;

import java.time.Instant;
import java.util.List;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.ReservationRejected;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.contracts.worker.WorkerActivityUpdated;

/** The events of one task in one queue, with fresh sids, as task-router publishes them. */
final class Tasks {
    final String workspaceSid;
    final String taskQueueSid;
    final String taskSid = LiveEvents.sid("WT");
    final String interactionId = LiveEvents.sid("IN");
    final String workerSid = LiveEvents.sid("WK");
    final String reservationSid = LiveEvents.sid("WR");
    String workflowSid = LiveEvents.sid("WW");

    Tasks(String workspaceSid, String taskQueueSid) {
        this.workspaceSid = workspaceSid;
        this.taskQueueSid = taskQueueSid;
    }

    TaskCreated created() {
        return new TaskCreated(taskSid, workspaceSid, workflowSid, interactionId, "default", 0,
                "{\"channel\":\"sms\",\"interaction_id\":\"" + interactionId + "\"}", Instant.now());
    }

    TaskQueueEntered entered(Instant at) {
        return new TaskQueueEntered(taskSid, workspaceSid, taskQueueSid, interactionId, at);
    }

    ReservationCreated reserved() {
        return new ReservationCreated(reservationSid, taskSid, workspaceSid, workerSid, taskQueueSid, interactionId,
                Instant.now());
    }

    ReservationAccepted accepted() {
        return new ReservationAccepted(reservationSid, taskSid, workspaceSid, workerSid, taskQueueSid, interactionId,
                Instant.now());
    }

    ReservationRejected rejected() {
        return new ReservationRejected(reservationSid, taskSid, workspaceSid, workerSid, taskQueueSid, interactionId,
                Instant.now());
    }

    TaskCompleted completed() {
        return new TaskCompleted(taskSid, workspaceSid, taskQueueSid, interactionId, "done", Instant.now());
    }

    static WorkerActivityUpdated worker(String workerSid, String workspaceSid, boolean available,
            String... taskQueueSids) {
        return new WorkerActivityUpdated(workerSid, workspaceSid, "Agent " + workerSid.substring(2, 8),
                LiveEvents.sid("WA"),
                available ? "Available" : "Offline", available, List.of(taskQueueSids), Instant.now());
    }
}
