package org.opencc.taskrouter.task;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class TaskRepository {
    /**
     * When a task's {@code timeout} (seconds, counted from {@code date_created}) passes, as a UTC timestamp: the
     * expression the {@code task_ttl_due} index is built on (UTC keeps it immutable), so {@link #claimExpired} must
     * use it unchanged.
     */
    private static final String TTL_DUE = "(date_created AT TIME ZONE 'UTC') + timeout * interval '1 second'";

    private final Db db;

    public TaskRepository(Db db) {
        this.db = db;
    }

    /** Inserts the task; false when a task for the same interaction exists already. */
    public boolean insert(Task t) {
        return db.update("INSERT INTO task (sid, workspace_sid, workflow_sid, task_queue_sid, task_channel, attributes,"
                + " assignment_status, priority, timeout, reason, interaction_id, root_traceparent, queue_entered_at,"
                + " date_created, date_updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (interaction_id) DO NOTHING", t.sid(), t.workspaceSid(), t.workflowSid(),
                t.taskQueueSid(), t.taskChannel(), t.attributes(), t.assignmentStatus(), t.priority(), t.timeout(),
                t.reason(), t.interactionId(), t.rootTraceparent(), t.queueEnteredAt(), t.dateCreated(),
                t.dateUpdated()) == 1;
    }

    public Optional<Task> find(String workspaceSid, String sid) {
        return db.one("SELECT * FROM task WHERE workspace_sid = ? AND sid = ?", TaskRepository::map, workspaceSid,
                sid);
    }

    public Optional<Task> findForUpdate(String sid) {
        return db.one("SELECT * FROM task WHERE sid = ? FOR UPDATE", TaskRepository::map, sid);
    }

    public List<Task> list(String workspaceSid, TaskFilter f, int offset, int limit) {
        return db.list("SELECT * FROM task WHERE workspace_sid = ? AND (?::text IS NULL OR assignment_status = ?)"
                + " AND (?::text IS NULL OR workflow_sid = ?) AND (?::text IS NULL OR task_queue_sid = ?)"
                + " ORDER BY date_created, sid OFFSET ? LIMIT ?", TaskRepository::map, workspaceSid,
                f.assignmentStatus(), f.assignmentStatus(), f.workflowSid(), f.workflowSid(), f.taskQueueSid(),
                f.taskQueueSid(), offset, limit);
    }

    /** Pending tasks of a workspace in routing order: priority, then age. */
    public List<Task> pending(String workspaceSid, int limit) {
        return db.list("SELECT * FROM task WHERE workspace_sid = ? AND assignment_status = 'pending'"
                + " ORDER BY priority DESC, date_created, sid LIMIT ?", TaskRepository::map, workspaceSid, limit);
    }

    /**
     * Locks up to {@code limit} tasks still waiting for a worker (pending or reserved) whose timeout passed by
     * {@code now}, oldest due first. Rows another transaction holds are skipped, so replicas share the work.
     */
    public List<Task> claimExpired(Instant now, int limit) {
        return db.list("SELECT * FROM task WHERE assignment_status IN ('pending', 'reserved') AND " + TTL_DUE
                + " <= (?::timestamptz AT TIME ZONE 'UTC') ORDER BY " + TTL_DUE + " LIMIT ? FOR UPDATE SKIP LOCKED",
                TaskRepository::map, now, limit);
    }

    /** Moves a task from one status to another; false when it was not in {@code from}. */
    public boolean transition(String sid, String from, String to, String taskQueueSid, Instant now) {
        return db.update("UPDATE task SET assignment_status = ?, task_queue_sid = COALESCE(?, task_queue_sid),"
                + " date_updated = ? WHERE sid = ? AND assignment_status = ?", to, taskQueueSid, now, sid, from) == 1;
    }

    /** Every task the query selects, in {@code orderBy} order (a whitelisted list). */
    /** The tasks of a list in order; with a {@code window}, only that page (plus one row), read in SQL. */
    public List<Task> listAll(String workspaceSid, TaskQuery q, String orderBy, Paging window) {
        StringBuilder sql = new StringBuilder("SELECT t.* FROM task t WHERE t.workspace_sid = ?");
        List<Object> args = new ArrayList<>(List.of(workspaceSid));
        if (q.priority() != null) {
            sql.append(" AND t.priority = ?");
            args.add(q.priority());
        }
        if (!q.statuses().isEmpty()) {
            sql.append(" AND t.assignment_status IN (").append(String.join(",", Collections.nCopies(
                    q.statuses().size(), "?"))).append(")");
            args.addAll(q.statuses());
        }
        if (q.workflowSid() != null) {
            sql.append(" AND t.workflow_sid = ?");
            args.add(q.workflowSid());
        }
        if (q.workflowName() != null) {
            sql.append(" AND t.workflow_sid IN (SELECT sid FROM workflow WHERE workspace_sid = ? AND friendly_name = ?)");
            args.add(workspaceSid);
            args.add(q.workflowName());
        }
        if (q.taskQueueSid() != null) {
            sql.append(" AND t.task_queue_sid = ?");
            args.add(q.taskQueueSid());
        }
        if (q.taskQueueName() != null) {
            sql.append(" AND t.task_queue_sid IN (SELECT sid FROM task_queue WHERE workspace_sid = ?"
                    + " AND friendly_name = ?)");
            args.add(workspaceSid);
            args.add(q.taskQueueName());
        }
        if (q.reservedWorkerSid() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM reservation r WHERE r.task_sid = t.sid AND r.worker_sid = ?"
                    + " AND r.reservation_status IN ('pending', 'accepted', 'wrapping'))");
            args.add(q.reservedWorkerSid());
        }
        if (Boolean.TRUE.equals(q.hasAddons())) {
            sql.append(" AND FALSE"); // tasks here never carry add-ons
        }
        sql.append(" ORDER BY ").append(orderBy);
        if (window != null) {
            sql.append(" OFFSET ? LIMIT ?");
            args.add(window.offset());
            args.add(window.limit());
        }
        return db.list(sql.toString(), TaskRepository::map, args.toArray());
    }

    /** Locks the task row of the workspace until the transaction ends. */
    public Optional<Task> lock(String workspaceSid, String sid) {
        return db.one("SELECT * FROM task WHERE workspace_sid = ? AND sid = ? FOR UPDATE", TaskRepository::map,
                workspaceSid, sid);
    }

    public void update(String sid, String attributes, int priority, String reason, String taskChannel, Instant now) {
        db.update("UPDATE task SET attributes = ?, priority = ?, reason = ?, task_channel = ?, date_updated = ?"
                + " WHERE sid = ?", attributes, priority, reason, taskChannel, now, sid);
    }

    /** Deletes the task; its reservations and decision records go with it. */
    public void delete(String sid) {
        db.update("DELETE FROM task WHERE sid = ?", sid);
    }

    /**
     * Names TaskRouter shows beside tasks' SIDs (task channel SID, workflow and queue friendly names), by task
     * sid, in one query for a whole page.
     */
    public Map<String, Map<String, String>> names(List<Task> page) {
        Map<String, Map<String, String>> bySid = new HashMap<>();
        if (page.isEmpty()) {
            return bySid;
        }
        db.list("SELECT t.sid, tc.sid, wf.friendly_name, q.friendly_name FROM task t"
                + " LEFT JOIN task_channel tc ON tc.workspace_sid = t.workspace_sid AND tc.unique_name = t.task_channel"
                + " LEFT JOIN workflow wf ON wf.sid = t.workflow_sid LEFT JOIN task_queue q ON q.sid = t.task_queue_sid"
                + " WHERE t.sid = ANY (?)", rs -> {
                    Map<String, String> m = new HashMap<>();
                    m.put("task_channel_sid", rs.getString(2));
                    m.put("workflow_friendly_name", rs.getString(3));
                    m.put("task_queue_friendly_name", rs.getString(4));
                    bySid.put(rs.getString(1), m);
                    return m;
                }, (Object) page.stream().map(Task::sid).toArray(String[]::new));
        return bySid;
    }

    /** What a task list asks for; null (or empty) means "any". */
    public record TaskQuery(Integer priority, List<String> statuses, String workflowSid, String workflowName,
            String taskQueueSid, String taskQueueName, String reservedWorkerSid, Boolean hasAddons) {}

    /** Filters of the task list; null means "any". */
    public record TaskFilter(String assignmentStatus, String workflowSid, String taskQueueSid) {}

    static Task map(ResultSet rs) throws SQLException {
        return new Task(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("workflow_sid"),
                rs.getString("task_queue_sid"), rs.getString("task_channel"), rs.getString("attributes"),
                rs.getString("assignment_status"), rs.getInt("priority"), rs.getInt("timeout"), rs.getString("reason"),
                rs.getString("interaction_id"), rs.getString("root_traceparent"), Db.instant(rs, "queue_entered_at"),
                Db.instant(rs, "date_created"), Db.instant(rs, "date_updated"));
    }
}
