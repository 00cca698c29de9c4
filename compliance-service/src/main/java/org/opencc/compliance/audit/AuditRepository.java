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

/** The {@code audit_entry} table and its hash chain, through plain JDBC on the caller's transaction. */
@ApplicationScoped
public class AuditRepository {
    private static final String COLUMNS = "event_id, topic, event_type, subject, actor, interaction_id, task_sid,"
            + " worker_sid, reservation_sid, trace_id, occurred_at, recorded_at";

    /**
     * Key of the transaction-scoped advisory lock every appender holds while it reads the last hash and inserts
     * ({@code 0x6175646974}, "audit"); {@code V3__audit_entry_chain.sql} takes it too.
     */
    static final long CHAIN_LOCK = 418581342580L;

    private final AgroalDataSource dataSource;

    public AuditRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Appends an entry at the end of the hash chain. Takes the chain's transaction-scoped advisory lock first,
     * so appenders on every replica queue up and each links to the entry committed before it: the chain never
     * forks (and the unique {@code prev_hash} index refuses a fork if something bypassed the lock). Must run
     * inside a transaction; the lock is held until it ends.
     *
     * @return false when an entry for the same {@code event_id} exists: the unique column is the last guard
     *     against a redelivery that outlived its {@code processed_event} row
     */
    public boolean append(AuditEntry given) {
        AuditEntry entry = new AuditEntry(given.eventId(), given.topic(), given.eventType(), given.subject(),
                given.actor(), given.interactionId(), given.taskSid(), given.workerSid(), given.reservationSid(),
                given.traceId(), AuditChain.stored(given.occurredAt()), AuditChain.stored(given.recordedAt()));
        String sql = "INSERT INTO audit_entry (id, " + COLUMNS + ", prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING";
        try (Connection connection = dataSource.getConnection()) {
            lockChain(connection);
            String prevHash = lastHash(connection);
            long id = nextId(connection);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setLong(1, id);
                insert.setString(2, entry.eventId());
                insert.setString(3, entry.topic());
                insert.setString(4, entry.eventType());
                insert.setString(5, entry.subject());
                insert.setString(6, entry.actor());
                insert.setString(7, entry.interactionId());
                insert.setString(8, entry.taskSid());
                insert.setString(9, entry.workerSid());
                insert.setString(10, entry.reservationSid());
                insert.setString(11, entry.traceId());
                insert.setObject(12, entry.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setObject(13, entry.recordedAt().atOffset(ZoneOffset.UTC));
                insert.setString(14, prevHash);
                insert.setString(15, AuditChain.hash(id, entry, prevHash));
                return insert.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append the audit entry of event " + entry.eventId(), e);
        }
    }

    /** Up to {@code limit} entries of the chain after {@code afterId}, in chain (id) order. */
    List<ChainLink> links(long afterId, int limit) {
        String sql = "SELECT id, " + COLUMNS + ", prev_hash, hash FROM audit_entry WHERE id > ? ORDER BY id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, afterId);
            query.setInt(2, limit);
            List<ChainLink> links = new ArrayList<>(limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    links.add(new ChainLink(rs.getLong("id"), entry(rs), rs.getString("prev_hash"),
                            rs.getString("hash")));
                }
            }
            return links;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain after " + afterId, e);
        }
    }

    private static void lockChain(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            lock.execute();
        }
    }

    private static String lastHash(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1");
                ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getString(1) : AuditChain.GENESIS;
        }
    }

    // taken under the lock, so ids grow in chain order and verify can walk the chain by id
    private static long nextId(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('audit_entry', 'id'))");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
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
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit entries by " + column, e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getString("event_id"), rs.getString("topic"), rs.getString("event_type"),
                rs.getString("subject"), rs.getString("actor"), rs.getString("interaction_id"),
                rs.getString("task_sid"), rs.getString("worker_sid"), rs.getString("reservation_sid"),
                rs.getString("trace_id"), instant(rs, "occurred_at"), instant(rs, "recorded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
