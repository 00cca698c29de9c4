package org.opencc.compliance.erasure;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code erasure_request} and {@code erasure_answer} tables (plain JDBC). */
@ApplicationScoped
public class ErasureRepository {
    private final AgroalDataSource dataSource;

    public ErasureRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored request. */
    public record Stored(String id, List<String> customerKeys, String requestedBy, Instant requestedAt, int attempts,
            Instant lastPublishedAt, Instant completedAt) {}

    /** An answer. */
    public record Answer(String service, long records, Instant answeredAt) {}

    /** Inserts a request; false when one with the same fingerprint exists (a duplicate). */
    public boolean insert(String id, String fingerprint, List<String> customerKeys, String requestedBy, Instant at) {
        String sql = "INSERT INTO erasure_request (id, fingerprint, customer_keys, requested_by, requested_at,"
                + " attempts, last_published_at) VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT (fingerprint) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, fingerprint);
            ps.setArray(3, c.createArrayOf("text", customerKeys.toArray()));
            ps.setString(4, requestedBy);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setTimestamp(6, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store an erasure request", e);
        }
    }

    public Optional<Stored> byFingerprint(String fingerprint) {
        return one("SELECT * FROM erasure_request WHERE fingerprint = ?", fingerprint);
    }

    public Optional<Stored> byId(String id) {
        return one("SELECT * FROM erasure_request WHERE id = ?", id);
    }

    /** Requests not complete whose last publication is older than {@code before}, oldest first, locked. */
    public List<Stored> due(Instant before, int limit) {
        String sql = "SELECT * FROM erasure_request WHERE completed_at IS NULL AND last_published_at < ?"
                + " ORDER BY last_published_at LIMIT ? FOR UPDATE SKIP LOCKED";
        List<Stored> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(before));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(stored(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read due erasure requests", e);
        }
        return due;
    }

    public void published(String id, int attempts, Instant at) {
        update("UPDATE erasure_request SET attempts = ?, last_published_at = ? WHERE id = ?", attempts, at, id);
    }

    /** Records a service's answer once (the first answer wins; a retry's answer changes nothing). */
    public void answer(String id, String service, long records, Instant at) {
        update("INSERT INTO erasure_answer (request_id, service, records, answered_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (request_id, service) DO NOTHING", id, service, records, at);
    }

    public void complete(String id, Instant at) {
        update("UPDATE erasure_request SET completed_at = ? WHERE id = ? AND completed_at IS NULL", at, id);
    }

    public Map<String, Answer> answers(String id) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        String sql = "SELECT service, records, answered_at FROM erasure_answer WHERE request_id = ? ORDER BY service";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.put(rs.getString(1), new Answer(rs.getString(1), rs.getLong(2),
                            rs.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read erasure answers", e);
        }
        return answers;
    }

    private Optional<Stored> one(String sql, String value) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read erasure requests", e);
        }
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Array keys = rs.getArray("customer_keys");
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Stored(rs.getString("id"), Arrays.asList((String[]) keys.getArray()), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getInt("attempts"),
                rs.getTimestamp("last_published_at").toInstant(), completed == null ? null : completed.toInstant());
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant instant) {
                    ps.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update erasure requests", e);
        }
    }
}
