package org.opencc.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.contracts.task.TaskQueueEntered;

/**
 * Task lifecycles as task-router publishes them ({@code task.created} → {@code task-queue.entered} →
 * {@code reservation.created} → {@code reservation.accepted} → {@code task.completed}), spread over the queues of one
 * workspace and interleaved on a fixed schedule: the background load of the {@code live-stats} benchmark (a constant
 * rate, and every queue always has tasks pending, reserved and assigned, as a busy contact center's wallboard does),
 * and the events the {@code ingest} benchmark publishes as fast as it can.
 *
 * <p>Slot {@code i} carries stage {@code i % 5} of task {@code i / 5 - stage × tasksPerStage}: each task moves on
 * one stage every {@code tasksPerStage × 5} slots. During the first {@code 4 × tasksPerStage × 5} slots (the
 * ramp-up) the later stages have no task yet and those slots carry nothing; with a limited number of tasks, so do
 * the last slots' earlier stages (the ramp-down), until {@link #slots()}.
 */
final class TaskLifecycles {
    static final int STAGES = 5;

    /** The event time of each event: when stage {@code stage} (0 to 4) of task {@code task} happened. */
    @FunctionalInterface
    interface EventTimes {
        /** Each event happens when it is made: what a live load needs. */
        EventTimes NOW = (task, stage) -> Instant.now();

        Instant at(long task, int stage);
    }

    private final String workspaceSid;
    private final List<String> queueSids;
    private final int tasksPerStage;
    private final long taskLimit;
    private final EventTimes times;
    private final List<Lifecycle> tasks = new ArrayList<>();

    /**
     * As many tasks as slots are asked for, each event happening when it is made.
     *
     * @param tasksPerStage how many tasks are created while one task stays in a stage (the stage length, in tasks)
     */
    TaskLifecycles(String workspaceSid, int queues, int tasksPerStage) {
        this(workspaceSid, queues, tasksPerStage, Long.MAX_VALUE, EventTimes.NOW);
    }

    /**
     * @param taskLimit how many tasks there are: slots of later tasks carry nothing
     * @param times the event time of each event
     */
    TaskLifecycles(String workspaceSid, int queues, int tasksPerStage, long taskLimit, EventTimes times) {
        if (queues < 1 || tasksPerStage < 1 || taskLimit < 1) {
            throw new IllegalArgumentException("queues, tasksPerStage and taskLimit must be positive: " + queues
                    + ", " + tasksPerStage + ", " + taskLimit);
        }
        this.workspaceSid = workspaceSid;
        this.tasksPerStage = tasksPerStage;
        this.taskLimit = taskLimit;
        this.times = times;
        List<String> sids = new ArrayList<>();
        for (int q = 0; q < queues; q++) {
            sids.add(Sid.next("WQ"));
        }
        this.queueSids = List.copyOf(sids);
    }

    /** Slots of the ramp-up, during which some slots are empty; from this slot on every slot carries an event. */
    long rampUpSlots() {
        return (long) (STAGES - 1) * tasksPerStage * STAGES;
    }

    /** Slots until the last task's last event (with no task limit, more than any run uses). */
    long slots() {
        return taskLimit == Long.MAX_VALUE ? Long.MAX_VALUE
                : (taskLimit + (long) (STAGES - 1) * tasksPerStage) * STAGES;
    }

    /** The queues' sids; task {@code n} is in queue {@code n % queues}. */
    List<String> queueSids() {
        return queueSids;
    }

    /**
     * The event of slot {@code slot} (slots are used in increasing order), or null during the ramp-up and
     * ramp-down.
     */
    TaskEvent event(long slot) {
        int stage = (int) (slot % STAGES);
        long task = slot / STAGES - (long) stage * tasksPerStage;
        if (task < 0 || task >= taskLimit) {
            return null;
        }
        while (tasks.size() <= task) {
            tasks.add(new Lifecycle(queueSids.get(tasks.size() % queueSids.size())));
        }
        Lifecycle lifecycle = tasks.get((int) task);
        Instant at = times.at(task, stage);
        return switch (stage) {
            case 0 -> new TaskCreated(lifecycle.taskSid, workspaceSid, lifecycle.workflowSid, lifecycle.interactionId,
                    "default", 0, "{\"channel\":\"sms\",\"interaction_id\":\"" + lifecycle.interactionId + "\"}",
                    at);
            case 1 -> new TaskQueueEntered(lifecycle.taskSid, workspaceSid, lifecycle.queueSid,
                    lifecycle.interactionId, at);
            case 2 -> new ReservationCreated(lifecycle.reservationSid, lifecycle.taskSid, workspaceSid,
                    lifecycle.workerSid, lifecycle.queueSid, lifecycle.interactionId, at);
            case 3 -> new ReservationAccepted(lifecycle.reservationSid, lifecycle.taskSid, workspaceSid,
                    lifecycle.workerSid, lifecycle.queueSid, lifecycle.interactionId, at);
            default -> new TaskCompleted(lifecycle.taskSid, workspaceSid, lifecycle.queueSid,
                    lifecycle.interactionId, "done", at);
        };
    }

    /** The ids of one task of the load. */
    private static final class Lifecycle {
        final String queueSid;
        final String taskSid = Sid.next("WT");
        final String workflowSid = Sid.next("WW");
        final String interactionId = Sid.next("IN");
        final String reservationSid = Sid.next("WR");
        final String workerSid = Sid.next("WK");

        Lifecycle(String queueSid) {
            this.queueSid = queueSid;
        }
    }
}
