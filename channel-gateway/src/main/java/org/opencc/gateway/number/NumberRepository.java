package org.opencc.gateway.number;

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

/** The {@code numbers} table. Callers hold the transaction. */
@ApplicationScoped
public class NumberRepository {
    private static final String COLUMNS =
            "e164, workspace_sid, workflow_sid, region, expected_queue_sid, created_at, updated_at";
    // xmax is 0 on a freshly inserted row version and set on one the ON CONFLICT branch updated
    private static final String UPSERT = "INSERT INTO numbers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (e164) DO UPDATE SET workspace_sid = EXCLUDED.workspace_sid,"
            + " workflow_sid = EXCLUDED.workflow_sid, region = EXCLUDED.region,"
            + " expected_queue_sid = EXCLUDED.expected_queue_sid, updated_at = EXCLUDED.updated_at"
            + " RETURNING " + COLUMNS + ", (xmax = 0) AS inserted";

    private final AgroalDataSource dataSource;

    public NumberRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The result of {@link #upsert}: the stored mapping and whether it is new. */
    public record Saved(NumberMapping mapping, boolean created) {}

    public Saved upsert(String e164, String workspaceSid, String workflowSid, String region,
            String expectedQueueSid, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, e164);
            upsert.setString(2, workspaceSid);
            upsert.setString(3, workflowSid);
            upsert.setString(4, region);
            upsert.setString(5, expectedQueueSid);
            upsert.setTimestamp(6, Timestamp.from(now));
            upsert.setTimestamp(7, Timestamp.from(now));
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return new Saved(map(rs), rs.getBoolean("inserted"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save a number mapping", e);
        }
    }

    public Optional<NumberMapping> find(String e164) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM numbers WHERE e164 = ?")) {
            select.setString(1, e164);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a number mapping", e);
        }
    }

    public List<NumberMapping> list() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM numbers ORDER BY e164");
                ResultSet rs = select.executeQuery()) {
            List<NumberMapping> mappings = new ArrayList<>();
            while (rs.next()) {
                mappings.add(map(rs));
            }
            return mappings;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list number mappings", e);
        }
    }

    /** True when a mapping was deleted. */
    public boolean delete(String e164) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM numbers WHERE e164 = ?")) {
            delete.setString(1, e164);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete a number mapping", e);
        }
    }

    private static NumberMapping map(ResultSet rs) throws SQLException {
        return new NumberMapping(rs.getString("e164"), rs.getString("workspace_sid"), rs.getString("workflow_sid"),
                rs.getString("region"), rs.getString("expected_queue_sid"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
