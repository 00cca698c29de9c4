package org.opencc.taskrouter.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.statistics.StatisticsRepository.Acceptance;
import org.opencc.taskrouter.statistics.StatisticsRepository.ActivityCount;
import org.opencc.taskrouter.statistics.StatisticsRepository.Cancellation;

/** TaskRouter's cumulative statistics members over a window; definitions in the README ("Statistics"). */
@ApplicationScoped
public class CumulativeStatistics {
    private final StatisticsRepository repository;

    public CumulativeStatistics(StatisticsRepository repository) {
        this.repository = repository;
    }

    /** {@code start_time}, {@code end_time} and the {@code reservations_*} counts. */
    public Map<String, Object> reservations(StatisticsScope scope, StatisticsWindow window) {
        Map<String, Long> byStatus = repository.reservationsByStatus(scope, window);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start_time", Urls.date(window.start()));
        m.put("end_time", Urls.date(window.end()));
        m.put("reservations_created", byStatus.values().stream().mapToLong(Long::longValue).sum());
        m.put("reservations_accepted", byStatus.getOrDefault("accepted", 0L) + byStatus.getOrDefault("wrapping", 0L)
                + byStatus.getOrDefault("completed", 0L));
        m.put("reservations_rejected", byStatus.getOrDefault("rejected", 0L));
        m.put("reservations_timed_out", byStatus.getOrDefault("timeout", 0L));
        m.put("reservations_canceled", byStatus.getOrDefault("canceled", 0L));
        m.put("reservations_rescinded", byStatus.getOrDefault("rescinded", 0L));
        return m;
    }

    /** Everything a workspace, queue or workflow shows: reservations, tasks and wait durations. */
    public Map<String, Object> tasks(StatisticsScope scope, StatisticsWindow window) {
        Map<String, Object> m = reservations(scope, window);
        long[] events = repository.taskEvents(scope, window);
        if (scope.subject() != StatisticsScope.Subject.TASK_QUEUE) {
            m.put("tasks_created", events[0]); // a queue counts tasks_entered instead, as TaskRouter's does
        }
        m.put("tasks_completed", events[1]);
        m.put("tasks_canceled", events[2]);
        if (scope.subject() != StatisticsScope.Subject.WORKSPACE) {
            m.put("tasks_entered", events[3]);
        }
        m.put("tasks_deleted", 0); // a deleted task leaves no row behind
        m.put("tasks_moved", 0); // only a task's current queue is stored
        if (scope.subject() != StatisticsScope.Subject.TASK_QUEUE) {
            m.put("tasks_timed_out_in_workflow", 0); // workflow target timeouts are not modelled; a task
            // whose Timeout passes is canceled ("Task TTL Exceeded") and counted in tasks_canceled
        }
        List<Long> untilAccepted = new ArrayList<>();
        List<Long> inQueueUntilAccepted = new ArrayList<>();
        for (Acceptance a : repository.acceptances(scope, window)) {
            if (a.accepted() != null) {
                untilAccepted.add(seconds(a.created(), a.accepted()));
                if (a.queueEntered() != null && !a.queueEntered().isAfter(a.accepted())) {
                    inQueueUntilAccepted.add(seconds(a.queueEntered(), a.accepted()));
                }
            }
        }
        List<Long> untilCanceled = new ArrayList<>();
        for (Cancellation c : repository.cancellations(scope, window)) {
            untilCanceled.add(seconds(c.created(), c.canceled()));
        }
        Map<String, Long> accepted = durations(untilAccepted);
        m.put("avg_task_acceptance_time", accepted.get("avg"));
        m.put("wait_duration_until_accepted", accepted);
        m.put("wait_duration_until_canceled", durations(untilCanceled));
        if (scope.subject() == StatisticsScope.Subject.TASK_QUEUE) {
            m.put("wait_duration_in_queue_until_accepted", durations(inQueueUntilAccepted));
        }
        m.put("split_by_wait_time", window.splitByWaitTime().isEmpty() ? null
                : split(window.splitByWaitTime(), untilAccepted, untilCanceled));
        return m;
    }

    /** Workers' cumulative members: the reservations, and each activity's durations (not stored: zeros). */
    public Map<String, Object> workers(StatisticsScope scope, StatisticsWindow window) {
        Map<String, Object> m = reservations(scope, window);
        List<Map<String, Object>> durations = new ArrayList<>();
        for (ActivityCount activity : repository.activityCounts(scope.workspaceSid(), null)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("sid", activity.sid());
            d.put("friendly_name", activity.friendlyName());
            d.putAll(durations(List.of()));
            durations.add(d);
        }
        m.put("activity_durations", durations);
        return m;
    }

    /** Per threshold: accepted reservations and canceled tasks that waited less ({@code below}) or not. */
    private static Map<String, Object> split(List<Integer> thresholds, List<Long> accepted, List<Long> canceled) {
        Map<String, Object> split = new LinkedHashMap<>();
        for (int threshold : thresholds) {
            Map<String, Object> sides = new LinkedHashMap<>();
            sides.put("above", Map.of("reservations_accepted", accepted.stream().filter(s -> s >= threshold).count(),
                    "tasks_canceled", canceled.stream().filter(s -> s >= threshold).count()));
            sides.put("below", Map.of("reservations_accepted", accepted.stream().filter(s -> s < threshold).count(),
                    "tasks_canceled", canceled.stream().filter(s -> s < threshold).count()));
            split.put(String.valueOf(threshold), sides);
        }
        return split;
    }

    /** {@code avg} (rounded down), {@code min}, {@code max} and {@code total} in seconds; zeros when empty. */
    private static Map<String, Long> durations(List<Long> seconds) {
        Map<String, Long> d = new LinkedHashMap<>();
        long total = seconds.stream().mapToLong(Long::longValue).sum();
        d.put("avg", seconds.isEmpty() ? 0 : total / seconds.size());
        d.put("min", seconds.stream().mapToLong(Long::longValue).min().orElse(0));
        d.put("max", seconds.stream().mapToLong(Long::longValue).max().orElse(0));
        d.put("total", total);
        return d;
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
