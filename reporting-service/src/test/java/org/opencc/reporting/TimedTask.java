package org.opencc.reporting;

import java.time.Instant;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskQueueEntered;

/** One task's events with event times the test chooses, as task-router publishes them; fresh task sid. */
final class TimedTask {
    final String workspaceSid;
    final String workflowSid;
    final String taskQueueSid;
    final String taskSid = LiveEvents.sid("WT");
    final String interactionId = LiveEvents.sid("IN");
    final String reservationSid = LiveEvents.sid("WR");

    TimedTask(String workspaceSid, String workflowSid, String taskQueueSid) {
        this.workspaceSid = workspaceSid;
        this.workflowSid = workflowSid;
        this.taskQueueSid = taskQueueSid;
    }

    TaskCreated created(Instant at) {
        return new TaskCreated(taskSid, workspaceSid, workflowSid, interactionId, "default", 0,
                "{\"channel\":\"sms\",\"interaction_id\":\"" + interactionId + "\"}", at);
    }

    TaskQueueEntered entered(Instant at) {
        return new TaskQueueEntered(taskSid, workspaceSid, taskQueueSid, interactionId, at);
    }

    ReservationCreated reserved(String workerSid, Instant at) {
        return new ReservationCreated(reservationSid, taskSid, workspaceSid, workerSid, taskQueueSid, interactionId,
                at);
    }

    ReservationAccepted accepted(String workerSid, Instant at) {
        return new ReservationAccepted(reservationSid, taskSid, workspaceSid, workerSid, taskQueueSid, interactionId,
                at);
    }

    TaskCompleted completed(Instant at) {
        return new TaskCompleted(taskSid, workspaceSid, taskQueueSid, interactionId, "done", at);
    }

    TaskCanceled canceled(Instant at) {
        return new TaskCanceled(taskSid, workspaceSid, taskQueueSid, interactionId, "hung up", at);
    }
}
