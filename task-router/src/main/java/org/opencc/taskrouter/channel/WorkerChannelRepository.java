package org.opencc.taskrouter.channel;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class WorkerChannelRepository {
    private static final String SELECT = "SELECT wc.*, w.workspace_sid, tc.sid AS task_channel_sid"
            + " FROM worker_channel wc JOIN worker w ON w.sid = wc.worker_sid"
            + " JOIN task_channel tc ON tc.workspace_sid = w.workspace_sid AND tc.unique_name = wc.task_channel"
            + " WHERE w.workspace_sid = ? AND wc.worker_sid = ?";
    private final Db db;

    public WorkerChannelRepository(Db db) {
        this.db = db;
    }

    public List<WorkerChannel> list(String workspaceSid, String workerSid, int offset, int limit) {
        return db.list(SELECT + " ORDER BY tc.date_created, tc.sid OFFSET ? LIMIT ?", WorkerChannelRepository::map,
                workspaceSid, workerSid, offset, limit);
    }

    /** By the WorkerChannel's own SID, its task channel's SID, or the task channel's unique name. */
    public Optional<WorkerChannel> find(String workspaceSid, String workerSid, String sid) {
        return db.one(SELECT + " AND (wc.sid = ? OR tc.sid = ? OR tc.unique_name = ?)", WorkerChannelRepository::map,
                workspaceSid, workerSid, sid, sid, sid);
    }

    public void update(String workerSid, String taskChannel, int capacity, boolean available, Instant now) {
        db.update("UPDATE worker_channel SET capacity = ?, available = ?, date_updated = ?"
                + " WHERE worker_sid = ? AND task_channel = ?", capacity, available, now, workerSid, taskChannel);
    }

    /** Gives every worker of the workspace capacity on a new channel. */
    public void addToAllWorkers(String workspaceSid, String taskChannel, int capacity, Instant now) {
        db.update("INSERT INTO worker_channel (worker_sid, task_channel, capacity, date_created, date_updated)"
                + " SELECT sid, ?, ?, ?, ? FROM worker WHERE workspace_sid = ? ON CONFLICT DO NOTHING", taskChannel,
                capacity, now, now, workspaceSid);
    }

    static WorkerChannel map(ResultSet rs) throws SQLException {
        return new WorkerChannel(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("worker_sid"),
                rs.getString("task_channel_sid"), rs.getString("task_channel"), rs.getInt("capacity"),
                rs.getInt("assigned"), rs.getBoolean("available"), Db.instant(rs, "date_created"),
                Db.instant(rs, "date_updated"));
    }
}
