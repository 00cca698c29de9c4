package org.opencc.reporting.live;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.opencc.routing.statistics.LiveDefinitions;

/** Reads the per-workflow view from {@code live_task}, counted by SQL at read time like the per-queue view. */
@ApplicationScoped
public class WorkflowLiveRepository {
    // one statement: its rows and the version come from the same PostgreSQL snapshot; ended tasks keep their
    // workflow listed (with zeros) until they are pruned, as queues are
    private static final String SNAPSHOT = """
            WITH workflows AS (
                SELECT workspace_sid, workflow_sid,
                       count(*) FILTER (WHERE status = 'pending') AS pending,
                       count(*) FILTER (WHERE status = 'reserved') AS reserved,
                       count(*) FILTER (WHERE status = 'assigned') AS assigned,
                       min(entered_queue_at) FILTER (WHERE status IN %s) AS oldest_waiting,
                       max(updated_at) AS updated_at
                FROM live_task
                WHERE workflow_sid IS NOT NULL AND (CAST(? AS text) IS NULL OR workspace_sid = ?)
                GROUP BY workspace_sid, workflow_sid
            )
            SELECT v.version, w.*
            FROM live_version v LEFT JOIN workflows w ON true
            WHERE v.id = 1
            ORDER BY w.workspace_sid, w.workflow_sid
            """.formatted(LiveDefinitions.sqlList(LiveDefinitions.WAITING));

    private final AgroalDataSource dataSource;

    public WorkflowLiveRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every workflow with tasks, optionally of one workspace, with waiting times measured at {@code now}. */
    public WorkflowsSnapshot snapshot(String workspaceSid, Instant now) {
        VersionedRows.Read<WorkflowLive> read = VersionedRows.read(dataSource, SNAPSHOT, query -> {
            query.setString(1, workspaceSid);
            query.setString(2, workspaceSid);
        }, "workflow_sid", rs -> new WorkflowLive(rs.getString("workspace_sid"), rs.getString("workflow_sid"),
                rs.getLong("pending"), rs.getLong("reserved"), rs.getLong("assigned"),
                QueueLiveRepository.longestWait(rs, now), rs.getObject("updated_at", OffsetDateTime.class).toInstant()),
                "workflow");
        return new WorkflowsSnapshot(read.rows(), read.version(), now);
    }
}
