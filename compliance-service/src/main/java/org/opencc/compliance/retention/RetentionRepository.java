package org.opencc.compliance.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencc.compliance.fanout.FanOutTable;
import org.opencc.contracts.EventCodec;

/**
 * The {@code retention_purge}, {@code retention_purge_answer} and {@code retention_run} tables (plain JDBC);
 * retries and answers go through the part erasure requests share ({@link #table()}).
 */
@ApplicationScoped
public class RetentionRepository {
    private static final TypeReference<TreeMap<String, String>> CUTOFFS = new TypeReference<>() {};

    private final AgroalDataSource dataSource;
    private final FanOutTable table;

    public RetentionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.table = new FanOutTable(dataSource, "retention purge", "retention_purge", "retention_purge_answer",
                "purge_id");
    }

    /** A stored purge. */
    public record Stored(String id, String dataClass, String policyVersion, Instant defaultCutoff,
            Map<String, Instant> countryCutoffs, int heldCustomers, int heldInteractions, Instant requestedAt,
            int attempts, Instant lastPublishedAt, Instant completedAt) implements FanOutTable.Tracked {}

    /**
     * Inserts a purge; false when the class has an incomplete purge already (then nothing is inserted: the unique
     * {@code retention_purge_open} index decides, also between replicas).
     */
    public boolean insert(String id, String dataClass, String policyVersion, RetentionCutoffs cutoffs,
            int heldCustomers, int heldInteractions, Instant at) {
        String sql = "INSERT INTO retention_purge (id, data_class, policy_version, default_cutoff, country_cutoffs,"
                + " held_customers, held_interactions, requested_at, attempts, last_published_at)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, 1, ?)"
                + " ON CONFLICT (data_class) WHERE completed_at IS NULL DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, dataClass);
            ps.setString(3, policyVersion);
            ps.setTimestamp(4, Timestamp.from(cutoffs.defaultCutoff()));
            ps.setString(5, json(cutoffs.countryCutoffs()));
            ps.setInt(6, heldCustomers);
            ps.setInt(7, heldInteractions);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.setTimestamp(9, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a retention purge", e);
        }
    }

    /** Claims a scheduled run's slot; false when a replica claimed it already. */
    public boolean claimRun(Instant slot, Instant at) {
        String sql = "INSERT INTO retention_run (slot, started_at) VALUES (?, ?) ON CONFLICT (slot) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(slot));
            ps.setTimestamp(2, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim a retention run", e);
        }
    }

    public Optional<Stored> byId(String id) {
        return query("SELECT * FROM retention_purge WHERE id = ?", id).stream().findFirst();
    }

    /** Purges requested in {@code [from, to)}, oldest first. */
    public List<Stored> requestedBetween(Instant from, Instant to) {
        return query("SELECT * FROM retention_purge WHERE requested_at >= ? AND requested_at < ?"
                + " ORDER BY requested_at, id", from, to);
    }

    /** The purge and answer tables as the retry loop and the answer tracking share them. */
    public FanOutTable table() {
        return table;
    }

    static Stored stored(ResultSet rs) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Stored(rs.getString("id"), rs.getString("data_class"), rs.getString("policy_version"),
                rs.getTimestamp("default_cutoff").toInstant(), cutoffs(rs.getString("country_cutoffs")),
                rs.getInt("held_customers"), rs.getInt("held_interactions"),
                rs.getTimestamp("requested_at").toInstant(), rs.getInt("attempts"),
                rs.getTimestamp("last_published_at").toInstant(), completed == null ? null : completed.toInstant());
    }

    private List<Stored> query(String sql, Object... args) {
        List<Stored> purges = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant instant) {
                    ps.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    purges.add(stored(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read retention purges", e);
        }
        return purges;
    }

    private static String json(Map<String, Instant> cutoffs) {
        TreeMap<String, String> text = new TreeMap<>();
        cutoffs.forEach((country, cutoff) -> text.put(country, cutoff.toString()));
        try {
            return EventCodec.mapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write retention cutoffs", e);
        }
    }

    private static Map<String, Instant> cutoffs(String json) throws SQLException {
        try {
            TreeMap<String, Instant> cutoffs = new TreeMap<>();
            EventCodec.mapper().readValue(json, CUTOFFS).forEach((country, cutoff) ->
                    cutoffs.put(country, Instant.parse(cutoff)));
            return Collections.unmodifiableMap(cutoffs);
        } catch (JsonProcessingException e) {
            throw new SQLException("retention_purge.country_cutoffs is not a JSON object of instants", e);
        }
    }
}
