package org.opencc.taskrouter.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencc.taskrouter.activity.Activity;
import org.opencc.taskrouter.config.RouterConfig;
import org.opencc.taskrouter.queue.TaskQueue;
import org.opencc.taskrouter.reservation.Reservation;
import org.opencc.taskrouter.task.Task;
import org.opencc.taskrouter.worker.Worker;
import org.opencc.taskrouter.workflow.Workflow;
import org.opencc.taskrouter.workspace.Workspace;

/** TaskRouter's JSON of each resource: snake_case members, {@code url} and {@code links} on our base URL. */
@ApplicationScoped
public class Representations {
    private final Urls urls;
    private final String accountSid;
    private final Clock clock;

    public Representations(Urls urls, RouterConfig config, Clock clock) {
        this.urls = urls;
        this.accountSid = config.accountSid();
        this.clock = clock;
    }

    public Map<String, Object> workspace(Workspace w, String defaultActivityName, String timeoutActivityName) {
        Map<String, Object> m = base(w.sid(), urls.workspaces("/" + w.sid()), w.dateCreated(), w.dateUpdated());
        m.put("friendly_name", w.friendlyName());
        m.put("event_callback_url", w.eventCallbackUrl());
        m.put("events_filter", w.eventsFilter());
        m.put("default_activity_sid", w.defaultActivitySid());
        m.put("default_activity_name", defaultActivityName);
        m.put("timeout_activity_sid", w.timeoutActivitySid());
        m.put("timeout_activity_name", timeoutActivityName);
        m.put("multi_task_enabled", w.multiTaskEnabled());
        m.put("prioritize_queue_order", w.prioritizeQueueOrder());
        String self = urls.workspaces("/" + w.sid());
        Map<String, String> links = new LinkedHashMap<>();
        for (String child : new String[] {"Activities", "TaskQueues", "Workflows", "Workers", "Tasks",
                "TaskChannels", "Events", "Statistics", "RealTimeStatistics", "CumulativeStatistics"}) {
            links.put(snake(child), self + "/" + child);
        }
        m.put("links", links);
        return m;
    }

    public Map<String, Object> activity(Activity a) {
        String self = urls.workspaces("/" + a.workspaceSid() + "/Activities/" + a.sid());
        Map<String, Object> m = base(a.sid(), self, a.dateCreated(), a.dateUpdated());
        m.put("workspace_sid", a.workspaceSid());
        m.put("friendly_name", a.friendlyName());
        m.put("available", a.available());
        m.put("links", Map.of("workspace", urls.workspaces("/" + a.workspaceSid())));
        return m;
    }

    public Map<String, Object> taskQueue(TaskQueue q) {
        String self = urls.workspaces("/" + q.workspaceSid() + "/TaskQueues/" + q.sid());
        Map<String, Object> m = base(q.sid(), self, q.dateCreated(), q.dateUpdated());
        m.put("workspace_sid", q.workspaceSid());
        m.put("friendly_name", q.friendlyName());
        m.put("target_workers", q.targetWorkers());
        m.put("max_reserved_workers", q.maxReservedWorkers());
        m.put("task_order", q.taskOrder());
        m.put("reservation_activity_sid", q.reservationActivitySid());
        m.put("assignment_activity_sid", q.assignmentActivitySid());
        m.put("links", Map.of("workspace", urls.workspaces("/" + q.workspaceSid()),
                "statistics", self + "/Statistics", "real_time_statistics", self + "/RealTimeStatistics",
                "cumulative_statistics", self + "/CumulativeStatistics"));
        return m;
    }

    public Map<String, Object> workflow(Workflow w) {
        String self = urls.workspaces("/" + w.workspaceSid() + "/Workflows/" + w.sid());
        Map<String, Object> m = base(w.sid(), self, w.dateCreated(), w.dateUpdated());
        m.put("workspace_sid", w.workspaceSid());
        m.put("friendly_name", w.friendlyName());
        m.put("configuration", w.configuration());
        m.put("document_content_type", "application/json");
        m.put("assignment_callback_url", w.assignmentCallbackUrl());
        m.put("fallback_assignment_callback_url", w.fallbackAssignmentCallbackUrl());
        m.put("task_reservation_timeout", w.taskReservationTimeout());
        m.put("links", Map.of("workspace", urls.workspaces("/" + w.workspaceSid()),
                "statistics", self + "/Statistics"));
        return m;
    }

    public Map<String, Object> worker(Worker w) {
        String self = urls.workspaces("/" + w.workspaceSid() + "/Workers/" + w.sid());
        Map<String, Object> m = base(w.sid(), self, w.dateCreated(), w.dateUpdated());
        m.put("workspace_sid", w.workspaceSid());
        m.put("friendly_name", w.friendlyName());
        m.put("attributes", w.attributes());
        m.put("activity_sid", w.activitySid());
        m.put("activity_name", w.activityName());
        m.put("available", w.available());
        m.put("date_status_changed", Urls.date(w.dateStatusChanged()));
        m.put("links", Map.of("workspace", urls.workspaces("/" + w.workspaceSid()),
                "reservations", self + "/Reservations", "channels", self + "/Channels",
                "activity", urls.workspaces("/" + w.workspaceSid() + "/Activities/" + w.activitySid())));
        return m;
    }

    public Map<String, Object> task(Task t) {
        String self = urls.workspaces("/" + t.workspaceSid() + "/Tasks/" + t.sid());
        Map<String, Object> m = base(t.sid(), self, t.dateCreated(), t.dateUpdated());
        m.put("workspace_sid", t.workspaceSid());
        m.put("workflow_sid", t.workflowSid());
        m.put("task_queue_sid", t.taskQueueSid());
        m.put("task_channel_unique_name", t.taskChannel());
        m.put("attributes", t.attributes());
        m.put("assignment_status", t.assignmentStatus());
        m.put("priority", t.priority());
        m.put("timeout", t.timeout());
        m.put("reason", t.reason());
        m.put("age", Math.max(0, Duration.between(t.dateCreated(), clock.instant()).toSeconds()));
        m.put("task_queue_entered_date", Urls.date(t.queueEnteredAt()));
        m.put("links", Map.of("workspace", urls.workspaces("/" + t.workspaceSid()),
                "reservations", self + "/Reservations",
                "workflow", urls.workspaces("/" + t.workspaceSid() + "/Workflows/" + t.workflowSid())));
        return m;
    }

    public Map<String, Object> reservation(Reservation r) {
        String worker = urls.workspaces("/" + r.workspaceSid() + "/Workers/" + r.workerSid());
        Map<String, Object> m = base(r.sid(), worker + "/Reservations/" + r.sid(), r.dateCreated(),
                r.dateUpdated());
        m.put("workspace_sid", r.workspaceSid());
        m.put("task_sid", r.taskSid());
        m.put("worker_sid", r.workerSid());
        m.put("worker_name", r.workerName());
        m.put("reservation_status", r.reservationStatus());
        m.put("links", Map.of("workspace", urls.workspaces("/" + r.workspaceSid()), "worker", worker,
                "task", urls.workspaces("/" + r.workspaceSid() + "/Tasks/" + r.taskSid())));
        return m;
    }

    /** A reservation as {@code /Tasks/{TaskSid}/Reservations} shows it: the same members, its URL under the task. */
    public Map<String, Object> taskReservation(Reservation r) {
        Map<String, Object> m = reservation(r);
        m.put("url", urls.workspaces("/" + r.workspaceSid() + "/Tasks/" + r.taskSid() + "/Reservations/" + r.sid()));
        return m;
    }

    public Map<String, Object> taskChannel(org.opencc.taskrouter.channel.TaskChannel c) {
        String self = urls.workspaces("/" + c.workspaceSid() + "/TaskChannels/" + c.sid());
        Map<String, Object> m = base(c.sid(), self, c.dateCreated(), c.dateUpdated());
        m.put("workspace_sid", c.workspaceSid());
        m.put("friendly_name", c.friendlyName());
        m.put("unique_name", c.uniqueName());
        m.put("channel_optimized_routing", c.channelOptimizedRouting());
        m.put("links", Map.of("workspace", urls.workspaces("/" + c.workspaceSid())));
        return m;
    }

    public Map<String, Object> workerChannel(org.opencc.taskrouter.channel.WorkerChannel c) {
        String self = urls.workspaces("/" + c.workspaceSid() + "/Workers/" + c.workerSid() + "/Channels/" + c.sid());
        Map<String, Object> m = base(c.sid(), self, c.dateCreated(), c.dateUpdated());
        m.put("workspace_sid", c.workspaceSid());
        m.put("worker_sid", c.workerSid());
        m.put("task_channel_sid", c.taskChannelSid());
        m.put("task_channel_unique_name", c.taskChannelUniqueName());
        m.put("configured_capacity", c.capacity());
        m.put("assigned_tasks", c.assigned());
        m.put("available", c.available());
        m.put("available_capacity_percentage", c.availableCapacityPercentage());
        return m;
    }

    private Map<String, Object> base(String sid, String url, java.time.Instant created, java.time.Instant updated) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_sid", accountSid);
        m.put("sid", sid);
        m.put("url", url);
        m.put("date_created", Urls.date(created));
        m.put("date_updated", Urls.date(updated));
        return m;
    }

    private static String snake(String pascal) {
        return pascal.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
