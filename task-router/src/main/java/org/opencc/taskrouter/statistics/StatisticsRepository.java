package org.opencc.taskrouter.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencc.routing.statistics.LiveDefinitions;
import org.opencc.taskrouter.persistence.Db;

/** The statistics' reads of task, reservation, worker, activity and worker_queue rows. */
@ApplicationScoped
public class StatisticsRepository {
    /** Statuses of a task that has not been accepted yet: the ones "waiting" (shared with reporting-service). */
    static final String WAITING = LiveDefinitions.sqlList(LiveDefinitions.WAITING);
    /** Statuses a reservation can have only after it was accepted. */
    static final String ACCEPTED = LiveDefinitions.sqlList(LiveDefinitions.ACCEPTED_RESERVATIONS);
    private final Db db;

    public StatisticsRepository(Db db) {
        this.db = db;
    }

    /** Tasks counted by status and priority. */
    public record TaskCount(String status, int priority, long count) {}

    /** An activity and how many of the counted workers are in it. */
    public record ActivityCount(String sid, String friendlyName, boolean available, long workers) {}

    /** A task waiting longest, and since when. */
    public record Waiting(String taskSid, Instant since) {}

    /** An accepted task: created, entered its queue, accepted (null when that moment is no longer stored). */
    public record Acceptance(Instant created, Instant queueEntered, Instant accepted) {}

    /** A canceled task: created and canceled. */
    public record Cancellation(Instant created, Instant canceled) {}

    public List<TaskCount> taskCounts(StatisticsScope scope) {
        return db.list("SELECT t.assignment_status, t.priority, count(*) FROM task t WHERE t.workspace_sid = ?"
                + scope.taskFilter() + " GROUP BY 1, 2", rs -> new TaskCount(rs.getString(1), rs.getInt(2),
                rs.getLong(3)), scope.taskArgs(scope.workspaceSid()));
    }

    /** The waiting task created first ({@code byQueueEntry}: the one that entered its queue first). */
    public Optional<Waiting> longestWaiting(StatisticsScope scope, boolean byQueueEntry) {
        String since = byQueueEntry ? "t.queue_entered_at" : "t.date_created";
        return db.one("SELECT t.sid, " + since + " AS since FROM task t WHERE t.workspace_sid = ? AND "
                + since + " IS NOT NULL AND t.assignment_status IN " + WAITING + scope.taskFilter()
                + " ORDER BY " + since + ", t.sid LIMIT 1", rs -> new Waiting(rs.getString(1), Db.instant(rs, "since")),
                scope.taskArgs(scope.workspaceSid()));
    }

    /** Every activity of the workspace with its workers (only the queue's members when {@code queueSid} is set). */
    public List<ActivityCount> activityCounts(String workspaceSid, String queueSid) {
        String members = queueSid == null ? ""
                : " AND w.sid IN (SELECT m.worker_sid FROM worker_queue m WHERE m.task_queue_sid = ?)";
        Object[] args = queueSid == null ? new Object[] {workspaceSid} : new Object[] {queueSid, workspaceSid};
        return db.list("SELECT a.sid, a.friendly_name, a.available, count(w.sid) FROM activity a"
                + " LEFT JOIN worker w ON w.activity_sid = a.sid" + members + " WHERE a.workspace_sid = ?"
                + " GROUP BY a.sid, a.friendly_name, a.available ORDER BY a.date_created, a.sid",
                rs -> new ActivityCount(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)), args);
    }

    /**
     * Members of the queue in an available activity (with room on {@code taskChannel} when it is set: their
     * worker channel is available and has capacity left). The one definition of "available workers of a queue":
     * the queue's {@code total_available_workers}, and the {@code available_workers} of {@code task.canceled}.
     */
    public long availableMembers(String queueSid, String taskChannel) {
        return db.count("SELECT count(*) FROM worker_queue m JOIN worker w ON w.sid = m.worker_sid"
                + " JOIN activity a ON a.sid = w.activity_sid WHERE m.task_queue_sid = ? AND a.available"
                + " AND (?::text IS NULL OR EXISTS (SELECT 1 FROM worker_channel c WHERE c.worker_sid = w.sid"
                + " AND c.task_channel = ? AND c.available AND c.assigned < c.capacity))",
                queueSid, taskChannel, taskChannel);
    }

    /** Reservations created in the window, by their status now. */
    public Map<String, Long> reservationsByStatus(StatisticsScope scope, StatisticsWindow window) {
        Map<String, Long> counts = new TreeMap<>();
        db.list("SELECT r.reservation_status, count(*) FROM reservation r JOIN task t ON t.sid = r.task_sid"
                + " WHERE r.workspace_sid = ? AND r.date_created >= ? AND r.date_created < ?"
                + scope.reservationFilter() + " GROUP BY 1", rs -> counts.put(rs.getString(1), rs.getLong(2)),
                scope.reservationArgs(scope.workspaceSid(), window.start(), window.end()));
        return counts;
    }

    /** Tasks created, completed, canceled and entering their (current) queue in the window. */
    public long[] taskEvents(StatisticsScope scope, StatisticsWindow window) {
        Instant s = window.start();
        Instant e = window.end();
        return db.one("SELECT count(*) FILTER (WHERE t.date_created >= ? AND t.date_created < ?),"
                + " count(*) FILTER (WHERE t.assignment_status = 'completed' AND t.date_updated >= ?"
                + " AND t.date_updated < ?),"
                + " count(*) FILTER (WHERE t.assignment_status = 'canceled' AND t.date_updated >= ?"
                + " AND t.date_updated < ?),"
                + " count(*) FILTER (WHERE t.queue_entered_at >= ? AND t.queue_entered_at < ?)"
                + " FROM task t WHERE t.workspace_sid = ?" + scope.taskFilter(),
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)},
                scope.taskArgs(s, e, s, e, s, e, s, e, scope.workspaceSid())).orElse(new long[4]);
    }

    /**
     * The tasks whose accepted reservation was created in the window. The moment of acceptance is the worker's
     * {@code reservation.accepted} event (kept for the worker event retention), or the reservation's last
     * update while it is still {@code accepted}; null when neither is stored any more.
     */
    public List<Acceptance> acceptances(StatisticsScope scope, StatisticsWindow window) {
        return db.list("SELECT t.date_created, t.queue_entered_at, COALESCE((SELECT e.created_at FROM worker_event e"
                + " WHERE e.worker_sid = r.worker_sid AND e.type = 'reservation.accepted'"
                + " AND e.payload::jsonb ->> 'reservation_sid' = r.sid ORDER BY e.seq LIMIT 1),"
                + " CASE WHEN r.reservation_status = 'accepted' THEN r.date_updated END) AS accepted_at"
                + " FROM reservation r JOIN task t ON t.sid = r.task_sid WHERE r.workspace_sid = ?"
                + " AND r.reservation_status IN " + ACCEPTED + " AND r.date_created >= ? AND r.date_created < ?"
                + scope.reservationFilter(),
                rs -> new Acceptance(Db.instant(rs, "date_created"), Db.instant(rs, "queue_entered_at"),
                        Db.instant(rs, "accepted_at")),
                scope.reservationArgs(scope.workspaceSid(), window.start(), window.end()));
    }

    /** The tasks canceled in the window (their last update is the cancellation). */
    public List<Cancellation> cancellations(StatisticsScope scope, StatisticsWindow window) {
        return db.list("SELECT t.date_created, t.date_updated FROM task t WHERE t.workspace_sid = ?"
                + " AND t.assignment_status = 'canceled' AND t.date_updated >= ? AND t.date_updated < ?"
                + scope.taskFilter(), rs -> new Cancellation(Db.instant(rs, "date_created"),
                Db.instant(rs, "date_updated")), scope.taskArgs(scope.workspaceSid(), window.start(), window.end()));
    }
}
