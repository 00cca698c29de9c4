package org.opencc.reporting.live;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.opencc.routing.statistics.LiveDefinitions;

/** Reads the per-queue view from {@code live_task} and {@code live_worker}, computed by SQL at read time. */
@ApplicationScoped
public class QueueLiveRepository {
    // one statement: its rows and the version come from the same PostgreSQL snapshot
    private static final String SNAPSHOT = """
            WITH tasks AS (
                SELECT workspace_sid, task_queue_sid,
                       count(*) FILTER (WHERE status = 'pending') AS pending,
                       count(*) FILTER (WHERE status = 'reserved') AS reserved,
                       count(*) FILTER (WHERE status = 'assigned') AS assigned,
                       min(entered_queue_at) FILTER (WHERE status IN %s) AS oldest_waiting,
                       max(updated_at) AS updated_at
                FROM live_task
                WHERE task_queue_sid IS NOT NULL AND (CAST(? AS text) IS NULL OR workspace_sid = ?)
                GROUP BY workspace_sid, task_queue_sid
            ), workers AS (
                SELECT w.workspace_sid, q.task_queue_sid,
                       count(*) FILTER (WHERE w.available) AS available,
                       max(w.updated_at) AS updated_at
                FROM live_worker w CROSS JOIN LATERAL unnest(w.task_queue_sids) AS q(task_queue_sid)
                WHERE CAST(? AS text) IS NULL OR w.workspace_sid = ?
                GROUP BY w.workspace_sid, q.task_queue_sid
            ), queues AS (
                SELECT COALESCE(t.workspace_sid, w.workspace_sid) AS workspace_sid,
                       COALESCE(t.task_queue_sid, w.task_queue_sid) AS task_queue_sid,
                       COALESCE(t.pending, 0) AS pending,
                       COALESCE(t.reserved, 0) AS reserved,
                       COALESCE(t.assigned, 0) AS assigned,
                       t.oldest_waiting,
                       COALESCE(w.available, 0) AS available_workers,
                       GREATEST(t.updated_at, w.updated_at) AS updated_at
                FROM tasks t FULL JOIN workers w
                     ON w.workspace_sid = t.workspace_sid AND w.task_queue_sid = t.task_queue_sid
            )
            SELECT v.version, q.*
            FROM live_version v LEFT JOIN queues q ON true
            WHERE v.id = 1
            ORDER BY q.workspace_sid, q.task_queue_sid
            """.formatted(LiveDefinitions.sqlList(LiveDefinitions.WAITING));

    private final AgroalDataSource dataSource;

    public QueueLiveRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every queue with tasks or workers, optionally of one workspace, with waiting times measured at {@code now}. */
    public LiveSnapshot snapshot(String workspaceSid, Instant now) {
        VersionedRows.Read<QueueLive> read = VersionedRows.read(dataSource, SNAPSHOT, query -> {
            for (int i = 1; i <= 4; i++) {
                query.setString(i, workspaceSid);
            }
        }, "task_queue_sid", rs -> new QueueLive(rs.getString("workspace_sid"), rs.getString("task_queue_sid"),
                rs.getLong("pending"), rs.getLong("reserved"), rs.getLong("assigned"), longestWait(rs, now),
                rs.getLong("available_workers"), rs.getObject("updated_at", OffsetDateTime.class).toInstant()),
                "queue");
        return new LiveSnapshot(read.rows(), read.version(), now);
    }

    /** The shared definition: whole seconds since the oldest queue entry among the waiting tasks; 0 if none. */
    static long longestWait(ResultSet rs, Instant now) throws SQLException {
        OffsetDateTime oldest = rs.getObject("oldest_waiting", OffsetDateTime.class);
        return oldest == null ? 0 : LiveDefinitions.ageSeconds(oldest.toInstant(), now);
    }

    /** The change counter; a stream sends a new snapshot when it moved. */
    public long version() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT version FROM live_version WHERE id = 1");
                ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read live_version", e);
        }
    }
}
