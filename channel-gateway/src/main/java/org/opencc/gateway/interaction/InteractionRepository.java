package org.opencc.gateway.interaction;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.opencc.contracts.Channel;

/** The {@code interaction} table. Callers hold the transaction. */
@ApplicationScoped
public class InteractionRepository {
    private static final String COLUMNS = "id, channel, provider_sid, customer_address, to_number, body,"
            + " customer_key, country, workspace_sid, workflow_sid, region, status, task_sid, worker_sid,"
            + " root_traceparent, created_at, updated_at";
    private static final String INSERT = "INSERT INTO interaction (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider_sid) DO NOTHING";

    private final AgroalDataSource dataSource;

    public InteractionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the interaction unless one with its provider sid exists. A concurrent insert of the same sid waits
     * for the first to commit and then inserts nothing.
     *
     * @return true when this call inserted it
     */
    public boolean insertIfAbsent(Interaction interaction) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, interaction.id());
            insert.setString(2, interaction.channel().value());
            insert.setString(3, interaction.providerSid());
            insert.setString(4, interaction.customerAddress());
            insert.setString(5, interaction.toNumber());
            insert.setString(6, interaction.body());
            insert.setString(7, interaction.customerKey());
            insert.setString(8, interaction.country());
            insert.setString(9, interaction.workspaceSid());
            insert.setString(10, interaction.workflowSid());
            insert.setString(11, interaction.region());
            insert.setString(12, interaction.status());
            insert.setString(13, interaction.taskSid());
            insert.setString(14, interaction.workerSid());
            insert.setString(15, interaction.rootTraceparent());
            insert.setTimestamp(16, Timestamp.from(interaction.createdAt()));
            insert.setTimestamp(17, Timestamp.from(interaction.updatedAt()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert an interaction", e);
        }
    }

    public Optional<Interaction> find(String id) {
        return findBy("id", id);
    }

    public Optional<Interaction> findByProviderSid(String providerSid) {
        return findBy("provider_sid", providerSid);
    }

    /**
     * Records the accepted reservation's task and worker.
     *
     * @return false when no interaction has that id
     */
    public boolean assign(String id, String taskSid, String workerSid, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE interaction SET status = ?,"
                        + " task_sid = ?, worker_sid = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, Interaction.ASSIGNED);
            update.setString(2, taskSid);
            update.setString(3, workerSid);
            update.setTimestamp(4, Timestamp.from(now));
            update.setString(5, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot assign interaction " + id, e);
        }
    }

    private Optional<Interaction> findBy(String column, String value) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM interaction WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read an interaction", e);
        }
    }

    private static Interaction map(ResultSet rs) throws SQLException {
        return new Interaction(rs.getString("id"), Channel.fromValue(rs.getString("channel")),
                rs.getString("provider_sid"), rs.getString("customer_address"), rs.getString("to_number"),
                rs.getString("body"), rs.getString("customer_key"), rs.getString("country"),
                rs.getString("workspace_sid"), rs.getString("workflow_sid"), rs.getString("region"),
                rs.getString("status"), rs.getString("task_sid"), rs.getString("worker_sid"),
                rs.getString("root_traceparent"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
