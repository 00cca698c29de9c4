package org.opencc.taskrouter.channel;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class TaskChannelRepository {
    private final Db db;

    public TaskChannelRepository(Db db) {
        this.db = db;
    }

    public void insert(TaskChannel c) {
        db.update("INSERT INTO task_channel (sid, workspace_sid, unique_name, friendly_name, channel_optimized_routing,"
                + " date_created, date_updated) VALUES (?,?,?,?,?,?,?)", c.sid(), c.workspaceSid(), c.uniqueName(),
                c.friendlyName(), c.channelOptimizedRouting(), c.dateCreated(), c.dateUpdated());
    }

    /** By SID or unique name, as TaskRouter's fetch accepts either. */
    public Optional<TaskChannel> find(String workspaceSid, String sidOrUniqueName) {
        return db.one("SELECT * FROM task_channel WHERE workspace_sid = ? AND (sid = ? OR unique_name = ?)",
                TaskChannelRepository::map, workspaceSid, sidOrUniqueName, sidOrUniqueName);
    }

    public boolean existsByUniqueName(String workspaceSid, String uniqueName) {
        return db.count("SELECT count(*) FROM task_channel WHERE workspace_sid = ? AND unique_name = ?",
                workspaceSid, uniqueName) > 0;
    }

    public List<TaskChannel> list(String workspaceSid, int offset, int limit) {
        return db.list("SELECT * FROM task_channel WHERE workspace_sid = ? ORDER BY date_created, sid OFFSET ? LIMIT ?",
                TaskChannelRepository::map, workspaceSid, offset, limit);
    }

    public void update(String sid, String friendlyName, boolean channelOptimizedRouting, Instant now) {
        db.update("UPDATE task_channel SET friendly_name = ?, channel_optimized_routing = ?, date_updated = ?"
                + " WHERE sid = ?", friendlyName, channelOptimizedRouting, now, sid);
    }

    /** Tasks of the channel that are not finished yet. */
    public long liveTasks(String workspaceSid, String uniqueName) {
        return db.count("SELECT count(*) FROM task WHERE workspace_sid = ? AND task_channel = ?"
                + " AND assignment_status IN ('pending', 'reserved', 'assigned', 'wrapping')", workspaceSid, uniqueName);
    }

    /** Deletes the channel and every worker's capacity on it. */
    public void delete(TaskChannel c) {
        db.update("DELETE FROM worker_channel WHERE task_channel = ? AND worker_sid IN"
                + " (SELECT sid FROM worker WHERE workspace_sid = ?)", c.uniqueName(), c.workspaceSid());
        db.update("DELETE FROM task_channel WHERE sid = ?", c.sid());
    }

    static TaskChannel map(ResultSet rs) throws SQLException {
        return new TaskChannel(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("unique_name"),
                rs.getString("friendly_name"), rs.getBoolean("channel_optimized_routing"),
                Db.instant(rs, "date_created"), Db.instant(rs, "date_updated"));
    }
}
