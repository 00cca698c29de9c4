package org.opencc.reporting.live;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Reads the per-worker view from {@code live_worker} and {@code live_task}, counted by SQL at read time. */
@ApplicationScoped
public class WorkerLiveRepository {
    // one statement: its rows and the version come from the same PostgreSQL snapshot
    private static final String SNAPSHOT = """
            WITH busy AS (
                SELECT worker_sid,
                       count(*) FILTER (WHERE status = 'reserved') AS reserved,
                       count(*) FILTER (WHERE status = 'assigned') AS assigned,
                       max(updated_at) AS updated_at
                FROM live_task
                WHERE worker_sid IS NOT NULL AND status IN ('reserved', 'assigned')
                GROUP BY worker_sid
            ), workers AS (
                SELECT w.workspace_sid, w.worker_sid, w.friendly_name, w.activity_name, w.available,
                       w.task_queue_sids, COALESCE(b.reserved, 0) AS reserved, COALESCE(b.assigned, 0) AS assigned,
                       GREATEST(w.updated_at, b.updated_at) AS updated_at
                FROM live_worker w LEFT JOIN busy b ON b.worker_sid = w.worker_sid
                WHERE CAST(? AS text) IS NULL OR w.workspace_sid = ?
            )
            SELECT v.version, w.*
            FROM live_version v LEFT JOIN workers w ON true
            WHERE v.id = 1
            ORDER BY w.workspace_sid, w.worker_sid
            """;

    private final AgroalDataSource dataSource;

    public WorkerLiveRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every worker the view has heard of, optionally of one workspace, read at {@code now}. */
    public WorkersSnapshot snapshot(String workspaceSid, Instant now) {
        VersionedRows.Read<WorkerLive> read = VersionedRows.read(dataSource, SNAPSHOT, query -> {
            query.setString(1, workspaceSid);
            query.setString(2, workspaceSid);
        }, "worker_sid", rs -> new WorkerLive(rs.getString("workspace_sid"), rs.getString("worker_sid"),
                rs.getString("friendly_name"), rs.getString("activity_name"), rs.getBoolean("available"),
                queues(rs.getArray("task_queue_sids")), rs.getLong("reserved"), rs.getLong("assigned"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant()), "worker");
        return new WorkersSnapshot(read.rows(), read.version(), now);
    }

    private static List<String> queues(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
