package org.opencc.compliance.retention;

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
import java.util.Optional;

/** The {@code legal_hold} table (plain JDBC). */
@ApplicationScoped
public class LegalHoldRepository {
    private final AgroalDataSource dataSource;

    public LegalHoldRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The subjects of every active hold, each once, sorted. */
    public record Held(List<String> customerKeys, List<String> interactionIds) {}

    public void insert(LegalHold hold) {
        String sql = "INSERT INTO legal_hold (id, customer_key, interaction_id, reason, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, hold.holdId());
            ps.setString(2, hold.customerKey());
            ps.setString(3, hold.interactionId());
            ps.setString(4, hold.reason());
            ps.setString(5, hold.createdBy());
            ps.setTimestamp(6, Timestamp.from(hold.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a legal hold", e);
        }
    }

    /** The hold, locked for update when {@code lock} (two releases queue up, and the second sees the first). */
    public Optional<LegalHold> find(String id, boolean lock) {
        List<LegalHold> found = query("SELECT * FROM legal_hold WHERE id = ?" + (lock ? " FOR UPDATE" : ""), id);
        return found.stream().findFirst();
    }

    /** Marks an active hold released; false when it was released already. */
    public boolean release(String id, String by, Instant at) {
        String sql = "UPDATE legal_hold SET released_by = ?, released_at = ? WHERE id = ? AND released_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, by);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release a legal hold", e);
        }
    }

    /**
     * Holds in creation order.
     *
     * @param active true: active ones only; false: released ones only; null: all
     */
    public List<LegalHold> list(Boolean active) {
        String where = active == null ? "" : active ? " WHERE released_at IS NULL" : " WHERE released_at IS NOT NULL";
        return query("SELECT * FROM legal_hold" + where + " ORDER BY created_at, id");
    }

    /** Who and what the active holds protect. */
    public Held held() {
        List<String> customers = new ArrayList<>();
        List<String> interactions = new ArrayList<>();
        String sql = "SELECT DISTINCT customer_key, interaction_id FROM legal_hold WHERE released_at IS NULL"
                + " ORDER BY customer_key, interaction_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    customers.add(rs.getString(1));
                } else {
                    interactions.add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the active legal holds", e);
        }
        return new Held(List.copyOf(customers), List.copyOf(interactions));
    }

    private List<LegalHold> query(String sql, String... args) {
        List<LegalHold> holds = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp released = rs.getTimestamp("released_at");
                    holds.add(new LegalHold(rs.getString("id"), rs.getString("customer_key"),
                            rs.getString("interaction_id"), rs.getString("reason"), rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("released_by"),
                            released == null ? null : released.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read legal holds", e);
        }
        return holds;
    }
}
