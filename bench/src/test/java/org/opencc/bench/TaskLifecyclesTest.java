package org.opencc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.contracts.task.TaskQueueEntered;

/**
 * The live-stats load: a constant rate after the ramp-up, every task's events in lifecycle order, all queues used;
 * the ingest load: a fixed number of whole lifecycles at the event times it gives.
 */
class TaskLifecyclesTest {
    private static final String WORKSPACE = Sid.next("WS");

    @Test
    void everySlotAfterTheRampUpCarriesAnEventAndSomeSlotsBeforeItDoNot() {
        TaskLifecycles load = new TaskLifecycles(WORKSPACE, 5, 10);
        assertEquals(4 * 10 * 5, load.rampUpSlots());
        int empty = 0;
        for (long slot = 0; slot < load.rampUpSlots(); slot++) {
            empty += load.event(slot) == null ? 1 : 0;
        }
        assertTrue(empty > 0, "the later stages have no task during the ramp-up");
        for (long slot = load.rampUpSlots(); slot < load.rampUpSlots() + 1000; slot++) {
            assertNotNull(load.event(slot), "slot " + slot);
        }
        assertNull(new TaskLifecycles(WORKSPACE, 5, 10).event(4), "slot 4 is the completion of a task not created");
    }

    @Test
    void eachTaskGoesThroughItsLifecycleInOrderInOneQueueOfTheWorkspace() {
        TaskLifecycles load = new TaskLifecycles(WORKSPACE, 7, 3);
        Map<String, List<String>> types = new HashMap<>();
        Map<String, Set<String>> queues = new HashMap<>();
        for (long slot = 0; slot < load.rampUpSlots() + 500; slot++) {
            TaskEvent event = load.event(slot);
            if (event != null) {
                assertEquals(WORKSPACE, event.workspaceSid());
                types.computeIfAbsent(event.taskSid(), t -> new ArrayList<>()).add(event.type());
                String queue = queueOf(event);
                if (queue != null) {
                    queues.computeIfAbsent(event.taskSid(), t -> new HashSet<>()).add(queue);
                }
            }
        }
        List<String> lifecycle = List.of(TaskCreated.TYPE, TaskQueueEntered.TYPE, ReservationCreated.TYPE,
                ReservationAccepted.TYPE, TaskCompleted.TYPE);
        long complete = types.values().stream().filter(lifecycle::equals).count();
        assertTrue(complete > 50, "tasks that went through the whole lifecycle: " + complete);
        types.values().forEach(seen -> assertEquals(lifecycle.subList(0, seen.size()), seen, "a task's events"));
        queues.values().forEach(q -> assertEquals(1, q.size(), "a task stays in one queue: " + q));
        Set<String> used = new HashSet<>();
        queues.values().forEach(used::addAll);
        assertEquals(7, used.size(), "tasks are spread over every queue");
    }

    @Test
    void aLimitedLoadCarriesEveryEventOfItsTasksOnceInOrderWithinItsSlotsAndNothingAfter() {
        TaskLifecycles load = new TaskLifecycles(WORKSPACE, 2, 3, 7, TaskLifecycles.EventTimes.NOW);
        assertEquals((7 + 4 * 3) * 5, load.slots(), "slots until the last task's completion");
        Map<String, List<String>> types = new HashMap<>();
        int events = 0;
        for (long slot = 0; slot < load.slots(); slot++) {
            TaskEvent event = load.event(slot);
            if (event != null) {
                types.computeIfAbsent(event.taskSid(), t -> new ArrayList<>()).add(event.type());
                events++;
            }
        }
        assertNotNull(load.event(load.slots() - 1), "the last slot is the last task's completion");
        for (long slot = load.slots(); slot < load.slots() + 100; slot++) {
            assertNull(load.event(slot), "slot " + slot + " is after the last task");
        }
        assertEquals(7 * TaskLifecycles.STAGES, events);
        assertEquals(7, types.size(), "tasks");
        List<String> lifecycle = List.of(TaskCreated.TYPE, TaskQueueEntered.TYPE, ReservationCreated.TYPE,
                ReservationAccepted.TYPE, TaskCompleted.TYPE);
        types.values().forEach(seen -> assertEquals(lifecycle, seen, "a task's events"));
        assertEquals(2, load.queueSids().size());
    }

    @Test
    void eachEventHappensAtTheTimeTheLoadIsGivenForItsTaskAndStage() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        TaskLifecycles load = new TaskLifecycles(WORKSPACE, 1, 2, 4,
                (task, stage) -> t0.plusSeconds(100 * task + stage));
        Map<String, Long> taskNumbers = new HashMap<>();
        for (long slot = 0; slot < load.slots(); slot++) {
            TaskEvent event = load.event(slot);
            if (event != null) {
                // tasks are numbered in the order they are created
                long task = taskNumbers.computeIfAbsent(event.taskSid(), t -> (long) taskNumbers.size());
                int stage = List.of(TaskCreated.TYPE, TaskQueueEntered.TYPE, ReservationCreated.TYPE,
                        ReservationAccepted.TYPE, TaskCompleted.TYPE).indexOf(event.type());
                assertEquals(t0.plusSeconds(100 * task + stage), timeOf(event), event.type() + " of task " + task);
                if (queueOf(event) != null) {
                    assertEquals(load.queueSids().get(0), queueOf(event), "the one queue");
                }
            }
        }
        assertEquals(4, taskNumbers.size());
    }

    private static Instant timeOf(TaskEvent event) {
        if (event instanceof TaskCreated created) {
            return created.createdAt();
        }
        if (event instanceof TaskQueueEntered entered) {
            return entered.occurredAt();
        }
        if (event instanceof ReservationCreated reserved) {
            return reserved.occurredAt();
        }
        if (event instanceof ReservationAccepted accepted) {
            return accepted.occurredAt();
        }
        if (event instanceof TaskCompleted completed) {
            return completed.occurredAt();
        }
        throw new AssertionError("not a lifecycle event: " + event);
    }

    private static String queueOf(TaskEvent event) {
        if (event instanceof TaskQueueEntered entered) {
            return entered.taskQueueSid();
        }
        if (event instanceof ReservationCreated reserved) {
            return reserved.taskQueueSid();
        }
        if (event instanceof ReservationAccepted accepted) {
            return accepted.taskQueueSid();
        }
        if (event instanceof TaskCompleted completed) {
            return completed.taskQueueSid();
        }
        return null;
    }
}
