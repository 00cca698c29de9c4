package org.opencc.context.history;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opencc.contracts.interaction.InteractionCreated;

/** The {@code interaction} table and the history query over it and {@code task} (plain JDBC). */
@ApplicationScoped
public class HistoryRepository {
    private final AgroalDataSource dataSource;

    public HistoryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records an interaction once; a redelivered interaction.created changes nothing. */
    public void insert(InteractionCreated created) {
        String sql = "INSERT INTO interaction (interaction_id, customer_key, channel, workspace_sid, region, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (interaction_id) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, created.interactionId());
            ps.setString(2, created.customerKey());
            ps.setString(3, created.channel().value());
            ps.setString(4, created.workspaceSid());
            ps.setString(5, created.region());
            ps.setTimestamp(6, Timestamp.from(created.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record interaction " + created.interactionId(), e);
        }
    }

    /**
     * The customer's interactions since {@code since}, newest first, at most {@code limit}, each with its latest
     * task's queue, worker and outcome.
     */
    public List<HistoryEntry> history(String customerKey, Instant since, int limit) {
        String sql = "SELECT i.interaction_id, i.channel, i.created_at, t.task_sid, t.task_queue_sid, t.worker_sid,"
                + " t.status, t.outcome, t.outcome_reason, t.ended_at FROM interaction i"
                + " LEFT JOIN LATERAL (SELECT * FROM task WHERE task.interaction_id = i.interaction_id"
                + " ORDER BY task.created_at DESC LIMIT 1) t ON TRUE"
                + " WHERE i.customer_key = ? AND i.created_at >= ? ORDER BY i.created_at DESC LIMIT ?";
        List<HistoryEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, customerKey);
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(rs.getString("interaction_id"), rs.getString("channel"),
                            instant(rs, "created_at"), rs.getString("task_sid"), rs.getString("task_queue_sid"),
                            rs.getString("worker_sid"), outcome(rs), rs.getString("outcome_reason"),
                            instant(rs, "ended_at")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the interaction history", e);
        }
        return entries;
    }

    private static String outcome(ResultSet rs) throws SQLException {
        if (rs.getString("task_sid") == null) {
            return "no-task";
        }
        if (rs.getString("outcome") != null) {
            return rs.getString("outcome");
        }
        return rs.getString("worker_sid") != null ? "assigned" : "waiting";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
