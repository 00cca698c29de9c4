package org.opencc.reporting;

import static org.opencc.reporting.Intervals.row;
import static org.opencc.reporting.LiveEvents.sid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencc.contracts.DomainEvent;

/**
 * Six tasks in one fresh queue across two intervals, two workers. T0 is a random 15-minute boundary, A is
 * [T0, T0+15m), B the next interval; times are T0 plus minutes:seconds:
 * <pre>
 * task  entered   accepted (wait)   completed (handle)  canceled (wait)
 * t1    T0+1:00   1:05 (5 s, w1)    2:05 (60 s)
 * t2    T0+2:00   2:30 (30 s, w2)   3:30 (60 s)
 * t3    T0+3:00                                         3:04 (4 s: short abandon)
 * t4    T0+4:00                                         4:40 (40 s: abandon)
 * t5    T0+14:50  15:20 (30 s, w2)  16:20 (60 s)
 * t6    T0+20:00  20:05 (5 s, w1)   21:05 (60 s)
 * </pre>
 */
final class SixTasks {
    final Instant t0 = Intervals.randomBase();
    final String workspace = sid("WS");
    final String workflow = sid("WW");
    final String queue = sid("WQ");
    final String w1 = sid("WK");
    final String w2 = sid("WK");
    final List<TimedTask> tasks = new ArrayList<>();

    Instant at(int minutes, int seconds) {
        return t0.plusSeconds(minutes * 60L + seconds);
    }

    List<DomainEvent> events() {
        List<DomainEvent> events = new ArrayList<>();
        answered(events, at(1, 0), w1, 5);
        answered(events, at(2, 0), w2, 30);
        abandoned(events, at(3, 0), 4);
        abandoned(events, at(4, 0), 40);
        answered(events, at(14, 50), w2, 30);
        answered(events, at(20, 0), w1, 5);
        return events;
    }

    /**
     * A: offered 5 (t1-t5); accepted 2 (t1 5 s, t2 30 s): ASA 35 / 2 = 17.5 s, service level 1 of 2 within
     *    20 s = 50 %; completed t1, t2: AHT 60 s; abandoned 1 (t4), short 1 (t3): rate 1 / (5 - 1) = 25 %.
     * B: offered 1 (t6); accepted 2 (t5 30 s, t6 5 s): ASA 17.5 s, service level 50 %; completed t5, t6: AHT
     *    60 s; no abandons: rate 0 / (1 - 0) = 0 %.
     */
    List<Map<String, Object>> expected(String key, String value) {
        return List.of(
                row(t0, key, value, 5, 2, 1, 1, 25.0, 17.5, 60.0, 50.0, 20.0),
                row(t0.plusSeconds(900), key, value, 1, 2, 0, 0, 0.0, 17.5, 60.0, 50.0, 20.0));
    }

    private void answered(List<DomainEvent> events, Instant entered, String worker, int waitSeconds) {
        TimedTask task = task();
        Instant accepted = entered.plusSeconds(waitSeconds);
        events.addAll(List.of(task.created(entered), task.entered(entered),
                task.reserved(worker, entered.plusSeconds(1)), task.accepted(worker, accepted),
                task.completed(accepted.plusSeconds(60))));
    }

    private void abandoned(List<DomainEvent> events, Instant entered, int waitSeconds) {
        TimedTask task = task();
        events.addAll(List.of(task.created(entered), task.entered(entered),
                task.canceled(entered.plusSeconds(waitSeconds))));
    }

    private TimedTask task() {
        TimedTask task = new TimedTask(workspace, workflow, queue);
        tasks.add(task);
        return task;
    }
}
