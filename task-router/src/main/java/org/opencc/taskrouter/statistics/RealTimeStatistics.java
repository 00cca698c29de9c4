package org.opencc.taskrouter.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencc.routing.statistics.LiveDefinitions;
import org.opencc.taskrouter.statistics.StatisticsRepository.ActivityCount;
import org.opencc.taskrouter.statistics.StatisticsRepository.TaskCount;
import org.opencc.taskrouter.statistics.StatisticsRepository.Waiting;

/** TaskRouter's real-time statistics members, as they are now. */
@ApplicationScoped
public class RealTimeStatistics {
    /** Every status {@code tasks_by_status} shows, zeros included. */
    static final List<String> TASK_STATUSES = List.of("pending", "reserved", "assigned", "wrapping", "completed",
            "canceled");
    private final StatisticsRepository repository;
    private final Clock clock;

    public RealTimeStatistics(StatisticsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** {@code tasks_by_status}, {@code total_tasks}, {@code tasks_by_priority} and the longest waiting task. */
    public Map<String, Object> tasks(StatisticsScope scope) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        TASK_STATUSES.forEach(status -> byStatus.put(status, 0L));
        Map<Integer, Long> byPriority = new TreeMap<>();
        long total = 0;
        for (TaskCount count : repository.taskCounts(scope)) {
            byStatus.merge(count.status(), count.count(), Long::sum);
            total += count.count();
            if (LiveDefinitions.WAITING.contains(count.status())) {
                byPriority.merge(count.priority(), count.count(), Long::sum);
            }
        }
        Map<String, Long> priorities = new LinkedHashMap<>();
        byPriority.forEach((priority, count) -> priorities.put(String.valueOf(priority), count));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tasks_by_status", byStatus);
        m.put("total_tasks", total);
        m.put("tasks_by_priority", priorities);
        waiting(m, "longest_task_waiting_age", "longest_task_waiting_sid", repository.longestWaiting(scope, false));
        return m;
    }

    /** The queue's task members plus the age of its task waiting longest since it entered the queue. */
    public Map<String, Object> queueTasks(StatisticsScope scope) {
        Map<String, Object> m = tasks(scope);
        waiting(m, "longest_relative_task_age_in_queue", "longest_relative_task_sid_in_queue",
                repository.longestWaiting(scope, true));
        return m;
    }

    /** {@code activity_statistics} and {@code total_workers} of the workspace, or of a queue's members. */
    public Map<String, Object> workers(String workspaceSid, String queueSid) {
        List<Map<String, Object>> activities = new ArrayList<>();
        long total = 0;
        for (ActivityCount count : repository.activityCounts(workspaceSid, queueSid)) {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("sid", count.sid());
            activity.put("friendly_name", count.friendlyName());
            activity.put("workers", count.workers());
            activities.add(activity);
            total += count.workers();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activity_statistics", activities);
        m.put("total_workers", total);
        return m;
    }

    /** The queue's members: by activity, how many are eligible (members) and how many available. */
    public Map<String, Object> queueWorkers(String workspaceSid, String queueSid, String taskChannel) {
        Map<String, Object> m = workers(workspaceSid, queueSid);
        m.put("total_eligible_workers", m.remove("total_workers"));
        m.put("total_available_workers", repository.availableMembers(queueSid, taskChannel));
        return m;
    }

    private void waiting(Map<String, Object> m, String ageKey, String sidKey, Optional<Waiting> waiting) {
        Instant now = clock.instant();
        m.put(ageKey, waiting.map(w -> LiveDefinitions.ageSeconds(w.since(), now)).orElse(0L));
        m.put(sidKey, waiting.map(Waiting::taskSid).orElse(null));
    }
}
