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

    static Activity map(ResultSet rs) throws SQLException {
        return new Activity(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("friendly_name"),
                rs.getBoolean("available"), Db.instant(rs, "date_created"), Db.instant(rs, "date_updated"));
    }
}
