package org.opencc.compliance.fanout;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * The part erasure requests and retention purges share: a request table whose rows have {@code id},
 * {@code attempts}, {@code last_published_at} and {@code completed_at}, and an answer table with one row per
 * (request, service) holding {@code service}, {@code records} and {@code answered_at} (plain JDBC). Table and
 * column names are this module's constants, never input.
 */
public final class FanOutTable {
    /** Requests republished per retry pass, oldest first; the rest wait for the next pass. */
    static final int RETRY_BATCH = 50;
    private static final Logger LOG = Logger.getLogger(FanOutTable.class);

    private final AgroalDataSource dataSource;
    private final String kind;
    private final String requests;
    private final String answers;
    private final String requestColumn;

    /**
     * @param kind what a request is, for messages, e.g. {@code erasure}
     * @param requests the request table
     * @param answers the answer table
     * @param requestColumn the answer table's column naming the request
     */
    public FanOutTable(AgroalDataSource dataSource, String kind, String requests, String answers,
            String requestColumn) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.requests = requests;
        this.answers = answers;
        this.requestColumn = requestColumn;
    }

    /** A request row as the retry loop needs it. */
    public interface Tracked {
        String id();

        int attempts();
    }

    /** Reads one row of the request table. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** One service's answer. */
    public record Answer(String service, long records, Instant answeredAt) {}

    /**
     * Publishes again every incomplete request last published before {@code before}: locks up to
     * {@value #RETRY_BATCH} of them ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work), raises
     * {@code attempts} and hands each to {@code republish} with its new attempt number, in the caller's transaction.
     *
     * @return how many were republished
     */
    public <T extends Tracked> int retry(Instant before, Instant now, Rows<T> rows, BiConsumer<T, Integer> republish) {
        String sql = "SELECT * FROM " + requests + " WHERE completed_at IS NULL AND last_published_at < ?"
                + " ORDER BY last_published_at LIMIT ? FOR UPDATE SKIP LOCKED";
        List<T> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(before));
            ps.setInt(2, RETRY_BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(rows.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read due " + kind + " requests", e);
        }
        for (T request : due) {
            int attempt = request.attempts() + 1;
            update("UPDATE " + requests + " SET attempts = ?, last_published_at = ? WHERE id = ?", attempt, now,
                    request.id());
            republish.accept(request, attempt);
            LOG.infof("%s %s: attempt %d for services that have not answered", kind, request.id(), attempt);
        }
        return due.size();
    }

    /** Records a service's answer once (the first answer wins; a retry's answer changes nothing). */
    public void answer(String id, String service, long records, Instant at) {
        update("INSERT INTO " + answers + " (" + requestColumn + ", service, records, answered_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (" + requestColumn + ", service) DO NOTHING", id, service, records, at);
    }

    /** Marks the request complete, once. */
    public void complete(String id, Instant at) {
        update("UPDATE " + requests + " SET completed_at = ? WHERE id = ? AND completed_at IS NULL", at, id);
    }

    /** The answers to one request, by service name. */
    public Map<String, Answer> answers(String id) {
        return answers(List.of(id)).getOrDefault(id, Map.of());
    }

    /** The answers to each of the requests, by request id, then by service name. */
    public Map<String, Map<String, Answer>> answers(List<String> ids) {
        Map<String, Map<String, Answer>> all = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return all;
        }
        String sql = "SELECT " + requestColumn + ", service, records, answered_at FROM " + answers + " WHERE "
                + requestColumn + " = ANY (?) ORDER BY " + requestColumn + ", service";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            new Answer(rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + kind + " answers", e);
        }
        return all;
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
            throw new IllegalStateException("cannot update " + kind + " requests", e);
        }
    }
}
