package org.opencc.taskrouter.reservation;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencc.taskrouter.persistence.Db;

@ApplicationScoped
public class ReservationRepository {
    private static final String SELECT = "SELECT r.*, w.friendly_name AS worker_name FROM reservation r"
            + " JOIN worker w ON w.sid = r.worker_sid";
    private final Db db;

    public ReservationRepository(Db db) {
        this.db = db;
    }

    public void insert(Reservation r) {
        db.update("INSERT INTO reservation (sid, workspace_sid, task_sid, worker_sid, task_queue_sid, task_channel,"
                + " reservation_status, timeout_at, date_created, date_updated) VALUES (?,?,?,?,?,?,?,?,?,?)",
                r.sid(), r.workspaceSid(), r.taskSid(), r.workerSid(), r.taskQueueSid(), r.taskChannel(),
                r.reservationStatus(), r.timeoutAt(), r.dateCreated(), r.dateUpdated());
    }

    public Optional<Reservation> find(String workspaceSid, String workerSid, String sid) {
        return db.one(SELECT + " WHERE r.workspace_sid = ? AND r.worker_sid = ? AND r.sid = ?",
                ReservationRepository::map, workspaceSid, workerSid, sid);
    }

    public List<Reservation> listForWorker(String workspaceSid, String workerSid, String status, int offset,
            int limit) {
        return db.list(SELECT + " WHERE r.workspace_sid = ? AND r.worker_sid = ?"
                + " AND (?::text IS NULL OR r.reservation_status = ?) ORDER BY r.date_created, r.sid OFFSET ? LIMIT ?",
                ReservationRepository::map, workspaceSid, workerSid, status, status, offset, limit);
    }

    public Optional<Reservation> findForTask(String workspaceSid, String taskSid, String sid) {
        return db.one(SELECT + " WHERE r.workspace_sid = ? AND r.task_sid = ? AND r.sid = ?",
                ReservationRepository::map, workspaceSid, taskSid, sid);
    }

    public List<Reservation> listForTask(String workspaceSid, String taskSid, String status, String workerSid,
            int offset, int limit) {
        return db.list(SELECT + " WHERE r.workspace_sid = ? AND r.task_sid = ?"
                + " AND (?::text IS NULL OR r.reservation_status = ?) AND (?::text IS NULL OR r.worker_sid = ?)"
                + " ORDER BY r.date_created, r.sid OFFSET ? LIMIT ?", ReservationRepository::map, workspaceSid,
                taskSid, status, status, workerSid, workerSid, offset, limit);
    }

    /** Moves a reservation out of {@code pending}; false when it was no longer pending (someone else won). */
    public boolean resolvePending(String sid, String to, Instant now) {
        return db.update("UPDATE reservation SET reservation_status = ?, date_updated = ?"
                + " WHERE sid = ? AND reservation_status = 'pending'", to, now, sid) == 1;
    }

    /** Pending reservations whose time is up, locked so one replica expires each. */
    public List<Reservation> claimExpired(Instant now, int limit) {
        return db.list(SELECT + " WHERE r.reservation_status = 'pending' AND r.timeout_at <= ?"
                + " ORDER BY r.timeout_at LIMIT ? FOR UPDATE OF r SKIP LOCKED", ReservationRepository::map, now, limit);
    }

    /** Workers who already turned this task down: routing skips them. */
    public List<String> workersWhoDeclined(String taskSid) {
        return db.list("SELECT DISTINCT worker_sid FROM reservation WHERE task_sid = ?"
                + " AND reservation_status IN ('rejected', 'timeout')", rs -> rs.getString(1), taskSid);
    }

    static Reservation map(ResultSet rs) throws SQLException {
        return new Reservation(rs.getString("sid"), rs.getString("workspace_sid"), rs.getString("task_sid"),
                rs.getString("worker_sid"), rs.getString("worker_name"), rs.getString("task_queue_sid"),
                rs.getString("task_channel"), rs.getString("reservation_status"), Db.instant(rs, "timeout_at"),
                Db.instant(rs, "date_created"), Db.instant(rs, "date_updated"));
    }
}
