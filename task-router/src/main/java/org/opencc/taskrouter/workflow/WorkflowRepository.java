package org.opencc.taskrouter.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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

    static Workflow map(ResultSet rs) throws SQLException {
        return new Workflow(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("friendly_name"),
                rs.getString("configuration"), rs.getString("assignment_callback_url"),
                rs.getString("fallback_assignment_callback_url"), rs.getInt("task_reservation_timeout"),
                Db.instant(rs, "date_created"), Db.instant(rs, "date_updated"));
    }
}
