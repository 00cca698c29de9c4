package org.opencc.taskrouter.activity;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class ActivityRepository {
    private final Db db;

    public ActivityRepository(Db db) {
        this.db = db;
    }

    public void insert(Activity a) {
        db.update("INSERT INTO activity (sid, workspace_sid, friendly_name, available, date_created, date_updated)"
                + " VALUES (?,?,?,?,?,?)", a.sid(), a.workspaceSid(), a.friendlyName(), a.available(),
                a.dateCreated(), a.dateUpdated());
    }

    public Optional<Activity> find(String workspaceSid, String sid) {
        return db.one("SELECT * FROM activity WHERE workspace_sid = ? AND sid = ?", ActivityRepository::map,
                workspaceSid, sid);
    }

    public Optional<Activity> findByName(String workspaceSid, String friendlyName) {
        return db.one("SELECT * FROM activity WHERE workspace_sid = ? AND friendly_name = ?",
                ActivityRepository::map, workspaceSid, friendlyName);
    }

    public List<Activity> list(String workspaceSid, String friendlyName, Boolean available, int offset, int limit) {
        return db.list("SELECT * FROM activity WHERE workspace_sid = ? AND (?::text IS NULL OR friendly_name = ?)"
                + " AND (?::boolean IS NULL OR available = ?) ORDER BY date_created, sid OFFSET ? LIMIT ?",
                ActivityRepository::map, workspaceSid, friendlyName, friendlyName, available, available, offset,
                limit);
    }

    public void rename(String sid, String friendlyName, java.time.Instant now) {
        db.update("UPDATE activity SET friendly_name = ?, date_updated = ? WHERE sid = ?", friendlyName, now, sid);
    }

    /** What keeps an activity from being deleted: a reason, or empty when nothing does. */
    public Optional<String> inUse(String workspaceSid, String sid) {
        long workers = db.count("SELECT count(*) FROM worker WHERE activity_sid = ?", sid);
        if (workers > 0) {
            return Optional.of(workers + " worker(s) are in it");
        }
        if (db.count("SELECT count(*) FROM workspace WHERE sid = ? AND (default_activity_sid = ?"
                + " OR timeout_activity_sid = ?)", workspaceSid, sid, sid) > 0) {
            return Optional.of("it is the workspace's default or timeout activity");
        }
        if (db.count("SELECT count(*) FROM task_queue WHERE workspace_sid = ? AND (reservation_activity_sid = ?"
                + " OR assignment_activity_sid = ?)", workspaceSid, sid, sid) > 0) {
            return Optional.of("a task queue's reservation or assignment activity is it");
        }
        return Optional.empty();
    }

    public void delete(String sid) {
        db.update("DELETE FROM activity WHERE sid = ?", sid);
    }

    static Activity map(ResultSet rs) throws SQLException {
        return new Activity(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("friendly_name"),
                rs.getBoolean("available"), Db.instant(rs, "date_created"), Db.instant(rs, "date_updated"));
    }
}
