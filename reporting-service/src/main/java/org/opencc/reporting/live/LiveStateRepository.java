package org.opencc.reporting.live;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.opencc.reporting.StatementBatch;

/**
 * Writes the live state ({@code live_task}, {@code live_worker}, {@code live_version}). Every write is an upsert, so
 * an event for a task or worker the view has not heard of yet creates its row; an ended task is never revived.
 */
@ApplicationScoped
public class LiveStateRepository {
    // an earlier event may have created the row: task.created then only adds the workflow
    private static final String TASK_CREATED = "INSERT INTO live_task"
            + " (task_sid, workspace_sid, task_queue_sid, status, entered_queue_at, updated_at, workflow_sid)"
            + " VALUES (?, ?, NULL, 'pending', NULL, ?, ?) ON CONFLICT (task_sid) DO UPDATE SET"
            + " workflow_sid = EXCLUDED.workflow_sid WHERE live_task.workflow_sid IS NULL"
            + " AND EXCLUDED.workflow_sid IS NOT NULL";
    private static final String QUEUE_ENTERED = "INSERT INTO live_task"
            + " (task_sid, workspace_sid, task_queue_sid, status, entered_queue_at, updated_at, workflow_sid)"
            + " VALUES (?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (task_sid) DO UPDATE SET"
            + " task_queue_sid = EXCLUDED.task_queue_sid, entered_queue_at = EXCLUDED.entered_queue_at,"
            + " updated_at = EXCLUDED.updated_at,"
            + " workflow_sid = COALESCE(EXCLUDED.workflow_sid, live_task.workflow_sid)"
            + " WHERE live_task.status <> 'ended'";
    // a queue or entry time already known is kept: task-queue.entered is the authority for both
    private static final String STATUS = "INSERT INTO live_task"
            + " (task_sid, workspace_sid, task_queue_sid, status, entered_queue_at, worker_sid, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (task_sid) DO UPDATE SET status = EXCLUDED.status,"
            + " worker_sid = EXCLUDED.worker_sid,"
            + " task_queue_sid = COALESCE(live_task.task_queue_sid, EXCLUDED.task_queue_sid),"
            + " entered_queue_at = COALESCE(live_task.entered_queue_at, EXCLUDED.entered_queue_at),"
            + " updated_at = EXCLUDED.updated_at WHERE live_task.status <> 'ended'";
    private static final String WORKER = "INSERT INTO live_worker"
            + " (worker_sid, workspace_sid, available, task_queue_sids, updated_at, friendly_name, activity_name)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (worker_sid) DO UPDATE SET workspace_sid = EXCLUDED.workspace_sid,"
            + " friendly_name = COALESCE(EXCLUDED.friendly_name, live_worker.friendly_name),"
            + " activity_name = EXCLUDED.activity_name,"
            + " available = EXCLUDED.available, task_queue_sids = EXCLUDED.task_queue_sids,"
            + " updated_at = EXCLUDED.updated_at";

    /** Bumps the change counter streams poll. */
    static final String BUMP_VERSION = "UPDATE live_version SET version = version + 1 WHERE id = 1";

    private final AgroalDataSource dataSource;
    private final StatementBatch statements;

    public LiveStateRepository(AgroalDataSource dataSource, StatementBatch statements) {
        this.dataSource = dataSource;
        this.statements = statements;
    }

    /** A new task, pending and in no queue yet, routed by {@code workflowSid}. False when nothing changed. */
    public boolean taskCreated(String taskSid, String workspaceSid, String workflowSid, Instant now) {
        return update(StatementBatch.Order.TASK_CREATED, TASK_CREATED, taskSid, workspaceSid, Timestamp.from(now), workflowSid);
    }

    /** The task waits in {@code taskQueueSid} since {@code enteredAt}. */
    public boolean queueEntered(String taskSid, String workspaceSid, String taskQueueSid, String workflowSid,
            Instant enteredAt, Instant now) {
        return update(StatementBatch.Order.QUEUE_ENTERED, QUEUE_ENTERED, taskSid, workspaceSid, taskQueueSid, Timestamp.from(enteredAt),
                Timestamp.from(now), workflowSid);
    }

    /**
     * Moves a task to {@code status}, with the worker it is now with (null when it is with nobody). For a task not
     * yet known, {@code taskQueueSid} and {@code occurredAt} stand in for the queue and entry time its missed
     * task-queue.entered would have given.
     */
    public boolean status(String taskSid, String workspaceSid, String taskQueueSid, TaskStatus status,
            String workerSid, Instant occurredAt, Instant now) {
        return update(StatementBatch.Order.TASK_STATUS, STATUS, taskSid, workspaceSid, taskQueueSid, status.value(),
                taskQueueSid == null || occurredAt == null ? null : Timestamp.from(occurredAt), workerSid,
                Timestamp.from(now));
    }

    /** The worker's name, activity, availability and eligible queues, as of its latest activity update. */
    public boolean worker(String workerSid, String workspaceSid, String friendlyName, String activityName,
            boolean available, List<String> taskQueueSids, Instant now) {
        if (statements.add(StatementBatch.Order.WORKER, WORKER, workerSid, workspaceSid, available,
                (taskQueueSids == null ? List.<String>of() : taskQueueSids).toArray(String[]::new),
                Timestamp.from(now), friendlyName, activityName)) {
            return true;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(WORKER)) {
            upsert.setString(1, workerSid);
            upsert.setString(2, workspaceSid);
            upsert.setBoolean(3, available);
            upsert.setArray(4, connection.createArrayOf("text",
                    (taskQueueSids == null ? List.<String>of() : taskQueueSids).toArray()));
            upsert.setTimestamp(5, Timestamp.from(now));
            upsert.setString(6, friendlyName);
            upsert.setString(7, activityName);
            return upsert.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update live worker " + workerSid, e);
        }
    }

    /** Bumps the change counter; the row lock also orders concurrent effect transactions. Returns the new value. */
    public long bumpVersion() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement bump = connection.prepareStatement(
                        BUMP_VERSION + " RETURNING version");
                ResultSet rs = bump.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bump live_version", e);
        }
    }

    /** Deletes tasks ended before {@code cutoff}; returns how many. */
    public int pruneEnded(Instant cutoff) {
        return updateCount("DELETE FROM live_task WHERE status = 'ended' AND updated_at < ?",
                Timestamp.from(cutoff));
    }

    /** Executes the write, or queues it when a batch of statements is open ({@link StatementBatch}). */
    private boolean update(StatementBatch.Order order, String sql, Object... parameters) {
        return statements.add(order, sql, parameters) || updateCount(sql, parameters) > 0;
    }

    private int updateCount(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the live state", e);
        }
    }
}
