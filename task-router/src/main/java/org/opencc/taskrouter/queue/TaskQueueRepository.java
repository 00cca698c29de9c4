package org.opencc.taskrouter.queue;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class TaskQueueRepository {
    private final Db db;

    public TaskQueueRepository(Db db) {
        this.db = db;
    }

    public void insert(TaskQueue q) {
        db.update("INSERT INTO task_queue (sid, workspace_sid, friendly_name, target_workers, max_reserved_workers,"
                + " task_order, reservation_activity_sid, assignment_activity_sid, date_created, date_updated)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)", q.sid(), q.workspaceSid(), q.friendlyName(), q.targetWorkers(),
                q.maxReservedWorkers(), q.taskOrder(), q.reservationActivitySid(), q.assignmentActivitySid(),
                q.dateCreated(), q.dateUpdated());
    }

    public Optional<TaskQueue> find(String workspaceSid, String sid) {
        return db.one("SELECT * FROM task_queue WHERE workspace_sid = ? AND sid = ?", TaskQueueRepository::map,
                workspaceSid, sid);
    }

    public boolean existsByName(String workspaceSid, String friendlyName) {
        return db.count("SELECT count(*) FROM task_queue WHERE workspace_sid = ? AND friendly_name = ?",
                workspaceSid, friendlyName) > 0;
    }

    public List<TaskQueue> list(String workspaceSid, String friendlyName, int offset, int limit) {
        return db.list("SELECT * FROM task_queue WHERE workspace_sid = ? AND (?::text IS NULL OR friendly_name = ?)"
                + " ORDER BY date_created, sid OFFSET ? LIMIT ?", TaskQueueRepository::map, workspaceSid,
                friendlyName, friendlyName, offset, limit);
    }

    /** Every queue of the workspace with the name (any when null), in {@code orderBy} order (a whitelisted list). */
    /** The queues of a list in order; with a {@code window}, only that page (plus one row), read in SQL. */
    public List<TaskQueue> listAll(String workspaceSid, String friendlyName, String orderBy, Paging window) {
        String page = window == null ? "" : " OFFSET " + window.offset() + " LIMIT " + window.limit();
        return db.list("SELECT * FROM task_queue WHERE workspace_sid = ? AND (?::text IS NULL OR friendly_name = ?)"
                + " ORDER BY " + orderBy + page, TaskQueueRepository::map, workspaceSid, friendlyName, friendlyName);
    }

    public void update(TaskQueue q) {
        db.update("UPDATE task_queue SET friendly_name = ?, target_workers = ?, max_reserved_workers = ?,"
                + " task_order = ?, reservation_activity_sid = ?, assignment_activity_sid = ?, date_updated = ?"
                + " WHERE sid = ?", q.friendlyName(), q.targetWorkers(), q.maxReservedWorkers(), q.taskOrder(),
                q.reservationActivitySid(), q.assignmentActivitySid(), q.dateUpdated(), q.sid());
    }

    /** Tasks waiting in the queue: pending, or reserved and not yet accepted. */
    public long waitingTasks(String sid) {
        return db.count("SELECT count(*) FROM task WHERE task_queue_sid = ?"
                + " AND assignment_status IN ('pending', 'reserved')", sid);
    }

    /** Workflows of the workspace whose configuration names the queue. */
    public List<String> workflowsNaming(String workspaceSid, String sid) {
        return db.list("SELECT sid FROM workflow WHERE workspace_sid = ? AND position(? in configuration) > 0"
                + " ORDER BY sid", rs -> rs.getString(1), workspaceSid, sid);
    }

    public void delete(String sid) {
        db.update("DELETE FROM task_queue WHERE sid = ?", sid);
    }

    static TaskQueue map(ResultSet rs) throws SQLException {
        return new TaskQueue(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("friendly_name"),
                rs.getString("target_workers"), rs.getInt("max_reserved_workers"), rs.getString("task_order"),
                rs.getString("reservation_activity_sid"), rs.getString("assignment_activity_sid"),
                Db.instant(rs, "date_created"), Db.instant(rs, "date_updated"));
    }
}
