package org.opencc.taskrouter.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class WorkerRepository {
    private static final String SELECT = "SELECT w.*, a.friendly_name AS activity_name, a.available"
            + " FROM worker w JOIN activity a ON a.sid = w.activity_sid";
    private final Db db;

    public WorkerRepository(Db db) {
        this.db = db;
    }

    public void insert(Worker w) {
        db.update("INSERT INTO worker (sid, workspace_sid, friendly_name, attributes, activity_sid,"
                + " date_status_changed, date_created, date_updated) VALUES (?,?,?,?,?,?,?,?)", w.sid(),
                w.workspaceSid(), w.friendlyName(), w.attributes(), w.activitySid(), w.dateStatusChanged(),
                w.dateCreated(), w.dateUpdated());
    }

    public void update(String sid, String friendlyName, String attributes, String activitySid,
            Instant statusChanged, Instant now) {
        db.update("UPDATE worker SET friendly_name = ?, attributes = ?, activity_sid = ?, date_status_changed = ?,"
                + " date_updated = ? WHERE sid = ?", friendlyName, attributes, activitySid, statusChanged, now, sid);
    }

    public void insertChannel(String workerSid, String channel, int capacity) {
        db.update("INSERT INTO worker_channel (worker_sid, task_channel, capacity) VALUES (?,?,?)"
                + " ON CONFLICT DO NOTHING", workerSid, channel, capacity);
    }

    public Optional<Worker> find(String workspaceSid, String sid) {
        return db.one(SELECT + " WHERE w.workspace_sid = ? AND w.sid = ?", WorkerRepository::map, workspaceSid,
                sid);
    }

    public boolean existsByName(String workspaceSid, String friendlyName) {
        return db.count("SELECT count(*) FROM worker WHERE workspace_sid = ? AND friendly_name = ?", workspaceSid,
                friendlyName) > 0;
    }

    public List<Worker> list(String workspaceSid, WorkerFilter f, int offset, int limit) {
        return db.list(SELECT + " WHERE w.workspace_sid = ? AND (?::text IS NULL OR w.friendly_name = ?)"
                + " AND (?::text IS NULL OR w.activity_sid = ?) AND (?::text IS NULL OR a.friendly_name = ?)"
                + " AND (?::boolean IS NULL OR a.available = ?) ORDER BY w.date_created, w.sid OFFSET ? LIMIT ?",
                WorkerRepository::map, workspaceSid, f.friendlyName(), f.friendlyName(), f.activitySid(),
                f.activitySid(), f.activityName(), f.activityName(), f.available(), f.available(), offset, limit);
    }

    /** Every worker passing the SQL filters, in {@code orderBy} order (a whitelisted list). */
    /** The workers of a list in order; with a {@code window}, only that page (plus one row), read in SQL. */
    public List<Worker> listAll(String workspaceSid, WorkerFilter f, String orderBy, Paging window) {
        String page = window == null ? "" : " OFFSET " + window.offset() + " LIMIT " + window.limit();
        return db.list(SELECT + " WHERE w.workspace_sid = ? AND (?::text IS NULL OR w.friendly_name = ?)"
                + " AND (?::text IS NULL OR w.activity_sid = ?) AND (?::text IS NULL OR a.friendly_name = ?)"
                + " AND (?::boolean IS NULL OR a.available = ?) ORDER BY " + orderBy + page,
                WorkerRepository::map, workspaceSid, f.friendlyName(), f.friendlyName(), f.activitySid(),
                f.activitySid(), f.activityName(), f.activityName(), f.available(), f.available());
    }

    /** Reservations of the worker still open: pending, accepted or wrapping. */
    public long liveReservations(String sid) {
        return db.count("SELECT count(*) FROM reservation WHERE worker_sid = ?"
                + " AND reservation_status IN ('pending', 'accepted', 'wrapping')", sid);
    }

    public void delete(String sid) {
        db.update("DELETE FROM worker WHERE sid = ?", sid);
    }

    /** Filters of the worker list; null means "any". */
    public record WorkerFilter(String friendlyName, String activitySid, String activityName, Boolean available) {}

    static Worker map(ResultSet rs) throws SQLException {
        return new Worker(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("friendly_name"),
                rs.getString("attributes"), rs.getString("activity_sid"), rs.getString("activity_name"),
                rs.getBoolean("available"), Db.instant(rs, "last_assigned_at"), Db.instant(rs, "date_status_changed"),
                Db.instant(rs, "date_created"), Db.instant(rs, "date_updated"));
    }
}
