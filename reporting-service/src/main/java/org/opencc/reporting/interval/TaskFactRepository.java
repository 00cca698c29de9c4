package org.opencc.reporting.interval;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.opencc.reporting.StatementBatch;

/**
 * Writes {@code task_fact}. Every write is an upsert whose result does not depend on the order events arrive in:
 * descriptive columns are set once, and each event time keeps its earliest value (with the queue or worker that
 * came with it), so a redelivery changes nothing and a late event lands where its own time says.
 */
@ApplicationScoped
public class TaskFactRepository {
    private static final String CREATED = "INSERT INTO task_fact"
            + " (task_sid, workspace_sid, channel, workflow_sid, updated_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (task_sid) DO UPDATE SET channel = COALESCE(task_fact.channel, EXCLUDED.channel),"
            + " workflow_sid = COALESCE(task_fact.workflow_sid, EXCLUDED.workflow_sid),"
            + " updated_at = EXCLUDED.updated_at";
    // the earliest entry wins, with its queue; it also replaces a queue a reservation or end stood in with
    private static final String ENTERED = "INSERT INTO task_fact"
            + " (task_sid, workspace_sid, task_queue_sid, entered_queue_at, updated_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (task_sid) DO UPDATE SET"
            + " task_queue_sid = CASE WHEN " + earlier("entered_queue_at")
            + " THEN EXCLUDED.task_queue_sid ELSE task_fact.task_queue_sid END,"
            + " entered_queue_at = LEAST(task_fact.entered_queue_at, EXCLUDED.entered_queue_at),"
            + " updated_at = EXCLUDED.updated_at";
    private static final String ACCEPTED = "INSERT INTO task_fact"
            + " (task_sid, workspace_sid, task_queue_sid, worker_sid, accepted_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (task_sid) DO UPDATE SET"
            + " task_queue_sid = COALESCE(task_fact.task_queue_sid, EXCLUDED.task_queue_sid),"
            + " worker_sid = CASE WHEN " + earlier("accepted_at")
            + " THEN EXCLUDED.worker_sid ELSE task_fact.worker_sid END,"
            + " accepted_at = LEAST(task_fact.accepted_at, EXCLUDED.accepted_at),"
            + " updated_at = EXCLUDED.updated_at";
    private static final String COMPLETED = ended("completed_at");
    private static final String CANCELED = ended("canceled_at");

    private final AgroalDataSource dataSource;
    private final StatementBatch statements;

    public TaskFactRepository(AgroalDataSource dataSource, StatementBatch statements) {
        this.dataSource = dataSource;
        this.statements = statements;
    }

    /** The task's channel and workflow, from task.created (kept if already known). */
    public void created(String taskSid, String workspaceSid, String channel, String workflowSid, Instant now) {
        update(CREATED, taskSid, workspaceSid, channel, workflowSid, Timestamp.from(now));
    }

    /** The task entered {@code taskQueueSid} at {@code enteredAt}; an earlier entry already known is kept. */
    public void entered(String taskSid, String workspaceSid, String taskQueueSid, Instant enteredAt, Instant now) {
        update(ENTERED, taskSid, workspaceSid, taskQueueSid, Timestamp.from(enteredAt), Timestamp.from(now));
    }

    /** {@code workerSid} accepted the task at {@code acceptedAt}; an earlier acceptance already known is kept. */
    public void accepted(String taskSid, String workspaceSid, String taskQueueSid, String workerSid,
            Instant acceptedAt, Instant now) {
        update(ACCEPTED, taskSid, workspaceSid, taskQueueSid, workerSid, Timestamp.from(acceptedAt),
                Timestamp.from(now));
    }

    /** The task was completed at {@code completedAt}. */
    public void completed(String taskSid, String workspaceSid, String taskQueueSid, Instant completedAt,
            Instant now) {
        update(COMPLETED, taskSid, workspaceSid, taskQueueSid, Timestamp.from(completedAt), Timestamp.from(now));
    }

    /** The task was canceled at {@code canceledAt}. */
    public void canceled(String taskSid, String workspaceSid, String taskQueueSid, Instant canceledAt,
            Instant now) {
        update(CANCELED, taskSid, workspaceSid, taskQueueSid, Timestamp.from(canceledAt), Timestamp.from(now));
    }

    /** True in an upsert's SET when the incoming value of {@code column} is earlier than the stored one. */
    private static String earlier(String column) {
        return "(task_fact." + column + " IS NULL OR EXCLUDED." + column + " < task_fact." + column + ")";
    }

    private static String ended(String column) {
        return "INSERT INTO task_fact (task_sid, workspace_sid, task_queue_sid, " + column + ", updated_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (task_sid) DO UPDATE SET"
                + " task_queue_sid = COALESCE(task_fact.task_queue_sid, EXCLUDED.task_queue_sid),"
                + " " + column + " = LEAST(task_fact." + column + ", EXCLUDED." + column + "),"
                + " updated_at = EXCLUDED.updated_at";
    }

    /** Executes the upsert, or queues it when a batch of statements is open ({@link StatementBatch}). */
    private void update(String sql, Object... parameters) {
        if (statements.add(StatementBatch.Order.FACTS, sql, parameters)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update task facts", e);
        }
    }
}
