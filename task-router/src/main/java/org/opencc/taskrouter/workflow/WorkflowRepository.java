package org.opencc.taskrouter.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class WorkflowRepository {
    private final Db db;

    public WorkflowRepository(Db db) {
        this.db = db;
    }

    public void insert(Workflow w) {
        db.update("INSERT INTO workflow (sid, workspace_sid, friendly_name, configuration, assignment_callback_url,"
                + " fallback_assignment_callback_url, task_reservation_timeout, date_created, date_updated)"
                + " VALUES (?,?,?,?,?,?,?,?,?)", w.sid(), w.workspaceSid(), w.friendlyName(), w.configuration(),
                w.assignmentCallbackUrl(), w.fallbackAssignmentCallbackUrl(), w.taskReservationTimeout(),
                w.dateCreated(), w.dateUpdated());
    }

    public Optional<Workflow> find(String workspaceSid, String sid) {
        return db.one("SELECT * FROM workflow WHERE workspace_sid = ? AND sid = ?", WorkflowRepository::map,
                workspaceSid, sid);
    }

    public List<Workflow> list(String workspaceSid, String friendlyName, int offset, int limit) {
        return db.list("SELECT * FROM workflow WHERE workspace_sid = ? AND (?::text IS NULL OR friendly_name = ?)"
                + " ORDER BY date_created, sid OFFSET ? LIMIT ?", WorkflowRepository::map, workspaceSid,
                friendlyName, friendlyName, offset, limit);
    }

    /** The workflow, locked until the transaction ends, so updates make versions one at a time. */
    public Optional<Workflow> findForUpdate(String workspaceSid, String sid) {
        return db.one("SELECT * FROM workflow WHERE workspace_sid = ? AND sid = ? FOR UPDATE", WorkflowRepository::map,
                workspaceSid, sid);
    }

    public void update(Workflow w) {
        db.update("UPDATE workflow SET friendly_name = ?, configuration = ?, assignment_callback_url = ?,"
                + " fallback_assignment_callback_url = ?, task_reservation_timeout = ?, date_updated = ? WHERE sid = ?",
                w.friendlyName(), w.configuration(), w.assignmentCallbackUrl(), w.fallbackAssignmentCallbackUrl(),
                w.taskReservationTimeout(), w.dateUpdated(), w.sid());
    }

    /** Records the workflow as it is now as its next version, keyed by its {@code date_updated}. */
    public void insertVersion(Workflow w) {
        db.update("INSERT INTO workflow_version (workflow_sid, version, number, friendly_name, configuration,"
                + " task_reservation_timeout) SELECT ?, ?, COALESCE(max(number), 0) + 1, ?, ?, ?"
                + " FROM workflow_version WHERE workflow_sid = ?", w.sid(), w.dateUpdated(), w.friendlyName(),
                w.configuration(), w.taskReservationTimeout(), w.sid());
    }

    /** Every version of the workflow, oldest first. */
    public List<Map<String, Object>> versions(String sid) {
        return db.list("SELECT * FROM workflow_version WHERE workflow_sid = ? ORDER BY number", rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", rs.getInt("number"));
            // full precision: two versions may fall in one second
            m.put("version", String.valueOf(Db.instant(rs, "version")));
            m.put("friendly_name", rs.getString("friendly_name"));
            m.put("configuration", rs.getString("configuration"));
            m.put("task_reservation_timeout", rs.getInt("task_reservation_timeout"));
            return m;
        }, sid);
    }

    /** Tasks of the workflow that are not finished. */
    public long liveTasks(String sid) {
        return db.count("SELECT count(*) FROM task WHERE workflow_sid = ?"
                + " AND assignment_status IN ('pending', 'reserved', 'assigned', 'wrapping')", sid);
    }

    public void delete(String sid) {
        db.update("DELETE FROM workflow WHERE sid = ?", sid);
    }

    static Workflow map(ResultSet rs) throws SQLException {
        return new Workflow(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("friendly_name"),
                rs.getString("configuration"), rs.getString("assignment_callback_url"),
                rs.getString("fallback_assignment_callback_url"), rs.getInt("task_reservation_timeout"),
                Db.instant(rs, "date_created"), Db.instant(rs, "date_updated"));
    }
}
