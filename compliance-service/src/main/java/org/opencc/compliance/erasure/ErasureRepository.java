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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencc.compliance.fanout.FanOutTable;

/**
 * The {@code erasure_request} and {@code erasure_answer} tables (plain JDBC); retries and answers go through the
 * part retention purges share ({@link #table()}).
 */
@ApplicationScoped
public class ErasureRepository {
    private final AgroalDataSource dataSource;
    private final FanOutTable table;

    public ErasureRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.table = new FanOutTable(dataSource, "erasure", "erasure_request", "erasure_answer", "request_id");
    }

    /** A stored request. */
    public record Stored(String id, List<String> customerKeys, String requestedBy, Instant requestedAt, int attempts,
            Instant lastPublishedAt, Instant completedAt) implements FanOutTable.Tracked {}

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

    /** The request and answer tables as the retry loop and the answer tracking share them. */
    public FanOutTable table() {
        return table;
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

    static Stored stored(ResultSet rs) throws SQLException {
        Array keys = rs.getArray("customer_keys");
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Stored(rs.getString("id"), Arrays.asList((String[]) keys.getArray()), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getInt("attempts"),
                rs.getTimestamp("last_published_at").toInstant(), completed == null ? null : completed.toInstant());
    }
}
