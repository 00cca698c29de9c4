package org.opencc.taskrouter.task;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class TaskRepository {
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

    /** Moves a task from one status to another; false when it was not in {@code from}. */
    public boolean transition(String sid, String from, String to, String taskQueueSid, Instant now) {
        return db.update("UPDATE task SET assignment_status = ?, task_queue_sid = COALESCE(?, task_queue_sid),"
                + " date_updated = ? WHERE sid = ? AND assignment_status = ?", to, taskQueueSid, now, sid, from) == 1;
    }

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
