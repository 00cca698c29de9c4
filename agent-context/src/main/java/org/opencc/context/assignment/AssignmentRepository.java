package org.opencc.context.assignment;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The {@code task} and {@code reservation} tables (plain JDBC). */
@ApplicationScoped
public class AssignmentRepository {
    /** Reservation statuses that let their worker read the task's context. */
    private static final String LIVE = "('pending', 'accepted')";

    private final AgroalDataSource dataSource;

    public AssignmentRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a task once; a second task.created for the same sid changes nothing. */
    public void insertTask(TaskView task, Instant at) {
        update("INSERT INTO task (task_sid, workspace_sid, interaction_id, customer_key, channel, root_traceparent,"
                + " attributes, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)"
                + " ON CONFLICT (task_sid) DO NOTHING", task.taskSid(), task.workspaceSid(), task.interactionId(),
                task.customerKey(), task.channel(), task.rootTraceparent(), task.attributes(), at, at);
    }

    /** Records the queue a task entered (the last one wins). */
    public void enterQueue(String taskSid, String taskQueueSid, Instant at) {
        update("UPDATE task SET task_queue_sid = ?, updated_at = ? WHERE task_sid = ?", taskQueueSid, at, taskSid);
    }

    /** Records the worker who accepted the task and the queue it was accepted from. */
    public void assign(String taskSid, String workerSid, String taskQueueSid, Instant at) {
        update("UPDATE task SET worker_sid = ?, task_queue_sid = COALESCE(?, task_queue_sid), updated_at = ?"
                + " WHERE task_sid = ?", workerSid, taskQueueSid, at, taskSid);
    }

    /**
     * Ends a task and every live reservation of it.
     *
     * @param outcome {@code completed} or {@code canceled}
     * @param reason the reason the API caller gave, if any
     */
    public void endTask(String taskSid, String outcome, String reason, Instant at) {
        update("UPDATE task SET status = 'ended', outcome = ?, outcome_reason = ?, ended_at = ?, updated_at = ?"
                + " WHERE task_sid = ?", outcome, reason, at, at, taskSid);
        update("UPDATE reservation SET status = 'ended', updated_at = ? WHERE task_sid = ? AND status IN " + LIVE,
                at, taskSid);
    }

    /** Records a new pending reservation; one seen before keeps its status. */
    public void insertPendingReservation(String reservationSid, String taskSid, String workerSid, Instant at) {
        update("INSERT INTO reservation (reservation_sid, task_sid, worker_sid, status, updated_at)"
                + " VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (reservation_sid) DO NOTHING",
                reservationSid, taskSid, workerSid, at);
    }

    /**
     * Moves a reservation to {@code status} (accepted, rejected, timeout), creating it if its
     * {@code reservation.created} was never seen. A reservation that already left the live statuses stays put.
     */
    public void moveReservation(String reservationSid, String taskSid, String workerSid, String status, Instant at) {
        update("INSERT INTO reservation (reservation_sid, task_sid, worker_sid, status, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (reservation_sid) DO UPDATE"
                + " SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at"
                + " WHERE reservation.status IN " + LIVE, reservationSid, taskSid, workerSid, status, at);
    }

    public Optional<TaskView> findTask(String taskSid) {
        String sql = "SELECT t.task_sid, t.workspace_sid, t.interaction_id, t.customer_key, t.channel,"
                + " t.root_traceparent, t.attributes, t.status, i.region FROM task t"
                + " LEFT JOIN interaction i ON i.interaction_id = t.interaction_id WHERE t.task_sid = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, taskSid);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new TaskView(rs.getString("task_sid"), rs.getString("workspace_sid"),
                    rs.getString("interaction_id"), rs.getString("customer_key"), rs.getString("channel"),
                    rs.getString("root_traceparent"), rs.getString("attributes"), rs.getString("status"),
                    rs.getString("region")));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read task " + taskSid, e);
        }
    }

    /** Whether a pending or accepted reservation of the task names the worker. */
    public boolean isHeldBy(String taskSid, String workerSid) {
        String sql = "SELECT 1 FROM reservation WHERE task_sid = ? AND worker_sid = ? AND status IN " + LIVE;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, taskSid, workerSid);
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reservations of task " + taskSid, e);
        }
    }

    /** Whether the task has not ended (completed or canceled). */
    public boolean isOpen(String taskSid) {
        String sql = "SELECT 1 FROM task WHERE task_sid = ? AND status = 'open'";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, taskSid);
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read task " + taskSid, e);
        }
    }

    /** Whether any pending or accepted reservation holds the task. */
    public boolean hasLiveReservation(String taskSid) {
        String sql = "SELECT 1 FROM reservation WHERE task_sid = ? AND status IN " + LIVE;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, taskSid);
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reservations of task " + taskSid, e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the task views", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
        return ps;
    }
}
