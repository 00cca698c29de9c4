package org.opencc.taskrouter.workspace;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class WorkspaceRepository {
    private final Db db;

    public WorkspaceRepository(Db db) {
        this.db = db;
    }

    public void insert(Workspace w) {
        db.update("INSERT INTO workspace (sid, friendly_name, event_callback_url, events_filter, default_activity_sid,"
                + " timeout_activity_sid, multi_task_enabled, prioritize_queue_order, date_created, date_updated)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)", w.sid(), w.friendlyName(), w.eventCallbackUrl(), w.eventsFilter(),
                w.defaultActivitySid(), w.timeoutActivitySid(), w.multiTaskEnabled(), w.prioritizeQueueOrder(),
                w.dateCreated(), w.dateUpdated());
    }

    public void update(Workspace w) {
        db.update("UPDATE workspace SET friendly_name = ?, event_callback_url = ?, events_filter = ?,"
                + " default_activity_sid = ?, timeout_activity_sid = ?, multi_task_enabled = ?,"
                + " prioritize_queue_order = ?, date_updated = ? WHERE sid = ?", w.friendlyName(),
                w.eventCallbackUrl(), w.eventsFilter(), w.defaultActivitySid(), w.timeoutActivitySid(),
                w.multiTaskEnabled(), w.prioritizeQueueOrder(), w.dateUpdated(), w.sid());
    }

    public Optional<Workspace> find(String sid) {
        return db.one("SELECT * FROM workspace WHERE sid = ?", WorkspaceRepository::map, sid);
    }

    public List<Workspace> list(String friendlyName, int offset, int limit) {
        return db.list("SELECT * FROM workspace WHERE (?::text IS NULL OR friendly_name = ?)"
                + " ORDER BY date_created, sid OFFSET ? LIMIT ?", WorkspaceRepository::map, friendlyName,
                friendlyName, offset, limit);
    }

    public boolean delete(String sid) {
        return db.update("DELETE FROM workspace WHERE sid = ?", sid) == 1;
    }

    static Workspace map(ResultSet rs) throws SQLException {
        return new Workspace(rs.getString("sid"), rs.getString("friendly_name"), rs.getString("event_callback_url"),
                rs.getString("events_filter"), rs.getString("default_activity_sid"),
                rs.getString("timeout_activity_sid"), rs.getBoolean("multi_task_enabled"),
                rs.getString("prioritize_queue_order"), Db.instant(rs, "date_created"),
                Db.instant(rs, "date_updated"));
    }
}
