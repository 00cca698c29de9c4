package org.opencc.compliance.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The {@code audit_entry} table, through plain JDBC on the caller's transaction. */
@ApplicationScoped
public class AuditRepository {
    private static final String COLUMNS = "event_id, topic, event_type, subject, actor, interaction_id, task_sid,"
            + " worker_sid, reservation_sid, trace_id, occurred_at, recorded_at";

    private final AgroalDataSource dataSource;

    public AuditRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Appends an entry.
     *
     * @return false when an entry for the same {@code event_id} exists: the unique column is the last guard
     *     against a redelivery that outlived its {@code processed_event} row
     */
    public boolean append(AuditEntry entry) {
        String sql = "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (event_id) DO NOTHING";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, entry.eventId());
            insert.setString(2, entry.topic());
            insert.setString(3, entry.eventType());
            insert.setString(4, entry.subject());
            insert.setString(5, entry.actor());
            insert.setString(6, entry.interactionId());
            insert.setString(7, entry.taskSid());
            insert.setString(8, entry.workerSid());
            insert.setString(9, entry.reservationSid());
            insert.setString(10, entry.traceId());
            insert.setObject(11, entry.occurredAt().atOffset(ZoneOffset.UTC));
            insert.setObject(12, entry.recordedAt().atOffset(ZoneOffset.UTC));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append the audit entry of event " + entry.eventId(), e);
        }
    }

    /** One interaction's entries, oldest first. */
    public List<AuditEntry> byInteraction(String interactionId, int limit) {
        return list("interaction_id", interactionId, limit);
    }

    /** One task's entries, oldest first. */
    public List<AuditEntry> byTask(String taskSid, int limit) {
        return list("task_sid", taskSid, limit);
    }

    // column is one of the constants above, never caller input
    private List<AuditEntry> list(String column, String value, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM audit_entry WHERE " + column + " = ?"
                + " ORDER BY occurred_at, id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            query.setInt(2, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getString("event_id"), rs.getString("topic"),
                            rs.getString("event_type"), rs.getString("subject"), rs.getString("actor"),
                            rs.getString("interaction_id"), rs.getString("task_sid"), rs.getString("worker_sid"),
                            rs.getString("reservation_sid"), rs.getString("trace_id"), instant(rs, "occurred_at"),
                            instant(rs, "recorded_at")));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit entries by " + column, e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
