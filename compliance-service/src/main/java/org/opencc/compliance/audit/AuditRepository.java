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
    private static final String COLUMNS = "event_id, topic, event_type, subject, actor, actor_role, interaction_id,"
            + " task_sid, worker_sid, reservation_sid, trace_id, occurred_at, recorded_at";
    /** The jsonb column as read: the text PostgreSQL renders for it, which is what the chain hashes. */
    private static final String DETAIL = "detail::text AS detail";

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
        String sql = "INSERT INTO audit_entry (id, " + COLUMNS + ", detail, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                + " ON CONFLICT (event_id) DO NOTHING";
        try (Connection connection = dataSource.getConnection()) {
            AuditEntry entry = new AuditEntry(given.eventId(), given.topic(), given.eventType(), given.subject(),
                    given.actor(), given.actorRole(), given.interactionId(), given.taskSid(), given.workerSid(),
                    given.reservationSid(), given.traceId(), AuditChain.stored(given.occurredAt()),
                    AuditChain.stored(given.recordedAt()), storedJson(connection, given.detail()));
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
                insert.setString(7, entry.actorRole());
                insert.setString(8, entry.interactionId());
                insert.setString(9, entry.taskSid());
                insert.setString(10, entry.workerSid());
                insert.setString(11, entry.reservationSid());
                insert.setString(12, entry.traceId());
                insert.setObject(13, entry.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setObject(14, entry.recordedAt().atOffset(ZoneOffset.UTC));
                insert.setString(15, entry.detail());
                insert.setString(16, prevHash);
                insert.setString(17, AuditChain.hash(id, entry, prevHash));
                return insert.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append the audit entry of event " + given.eventId(), e);
        }
    }

    /** Up to {@code limit} entries of the chain after {@code afterId}, in chain (id) order. */
    List<ChainLink> links(long afterId, int limit) {
        String sql = "SELECT id, " + COLUMNS + ", " + DETAIL + ", prev_hash, hash FROM audit_entry WHERE id > ?"
                + " ORDER BY id LIMIT ?";
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

    /**
     * JSON text as PostgreSQL will render it once stored as jsonb (its key order and spacing, not ours), like
     * {@link AuditChain#stored} for instants: the hash must be of what verify reads back.
     */
    private static String storedJson(Connection connection, String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT ?::jsonb::text")) {
            query.setString(1, json);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
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

    /**
     * Whether an entry of the interaction has the type and, when given, the subject and worker (the interaction's
     * index narrows it to that interaction's few entries).
     */
    boolean exists(String interactionId, String eventType, String subject, String workerSid) {
        String sql = "SELECT 1 FROM audit_entry WHERE interaction_id = ? AND event_type = ?"
                + (subject == null ? "" : " AND subject = ?") + (workerSid == null ? "" : " AND worker_sid = ?")
                + " LIMIT 1";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            query.setString(i++, interactionId);
            query.setString(i++, eventType);
            if (subject != null) {
                query.setString(i++, subject);
            }
            if (workerSid != null) {
                query.setString(i, workerSid);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up " + eventType + " entries of " + interactionId, e);
        }
    }

    /** The entries matching every filter the query gives (at least one), oldest first. */
    public List<AuditEntry> matching(AuditQuery query) {
        // column names are constants here, never caller input; values are bound
        List<String> columns = new ArrayList<>(3);
        List<String> values = new ArrayList<>(3);
        if (query.interactionId() != null) {
            columns.add("interaction_id");
            values.add(query.interactionId());
        }
        if (query.taskSid() != null) {
            columns.add("task_sid");
            values.add(query.taskSid());
        }
        if (query.actor() != null) {
            columns.add("actor");
            values.add(query.actor());
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an audit query needs a filter: the trail is not listed whole");
        }
        String sql = "SELECT " + COLUMNS + ", " + DETAIL + " FROM audit_entry WHERE "
                + String.join(" AND ", columns.stream().map(c -> c + " = ?").toList())
                + " ORDER BY occurred_at, id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setString(i + 1, values.get(i));
            }
            statement.setInt(values.size() + 1, query.limit());
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit entries by " + String.join(", ", columns), e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getString("event_id"), rs.getString("topic"), rs.getString("event_type"),
                rs.getString("subject"), rs.getString("actor"), rs.getString("actor_role"),
                rs.getString("interaction_id"), rs.getString("task_sid"), rs.getString("worker_sid"),
                rs.getString("reservation_sid"), rs.getString("trace_id"), instant(rs, "occurred_at"),
                instant(rs, "recorded_at"), rs.getString("detail"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
