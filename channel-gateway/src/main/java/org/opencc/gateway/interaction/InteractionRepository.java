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
            + " root_traceparent, created_at, updated_at, last_message_at, last_inbound_at, ended_at";
    private static final String INSERT = "INSERT INTO interaction (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (provider_sid) DO NOTHING";

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
            insert.setTimestamp(18, Timestamp.from(interaction.lastMessageAt()));
            insert.setTimestamp(19, timestamp(interaction.lastInboundAt()));
            insert.setTimestamp(20, timestamp(interaction.endedAt()));
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

    /**
     * The open conversation of a customer with one of our numbers on one channel: not ended, and its last message
     * after {@code idleSince}. The newest wins should there ever be two.
     */
    public Optional<Interaction> findOpenConversation(String customerAddress, String toNumber, Channel channel,
            Instant idleSince) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM interaction"
                        + " WHERE customer_address = ? AND to_number = ? AND channel = ? AND ended_at IS NULL"
                        + " AND last_message_at > ? ORDER BY last_message_at DESC LIMIT 1")) {
            select.setString(1, customerAddress);
            select.setString(2, toNumber);
            select.setString(3, channel.value());
            select.setTimestamp(4, Timestamp.from(idleSince));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read conversations", e);
        }
    }

    /**
     * Serializes intake of one conversation (customer, our number, channel) until the transaction ends, so two
     * messages arriving together cannot both open a new interaction.
     */
    public void lockConversation(String customerAddress, String toNumber, Channel channel) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(
                        "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "conversation|" + channel.value() + "|" + customerAddress + "|" + toNumber);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock a conversation", e);
        }
    }

    /** A message was added at {@code at}: the idle timeout restarts; an inbound one also opens WhatsApp's window. */
    public void touch(String id, Instant at, boolean inbound) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE interaction SET"
                        + " last_message_at = GREATEST(last_message_at, ?),"
                        + " last_inbound_at = CASE WHEN ? THEN GREATEST(last_inbound_at, ?) ELSE last_inbound_at END,"
                        + " updated_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setBoolean(2, inbound);
            update.setTimestamp(3, Timestamp.from(at));
            update.setTimestamp(4, Timestamp.from(at));
            update.setString(5, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update interaction " + id, e);
        }
    }

    /**
     * Ends an interaction: its conversation closes and takes no more messages.
     *
     * @return false when no open interaction has that id
     */
    public boolean end(String id, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE interaction SET status = ?,"
                        + " ended_at = ?, updated_at = ? WHERE id = ? AND ended_at IS NULL")) {
            update.setString(1, Interaction.ENDED);
            update.setTimestamp(2, Timestamp.from(now));
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end interaction " + id, e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
                rs.getTimestamp("updated_at").toInstant(), rs.getTimestamp("last_message_at").toInstant(),
                instant(rs.getTimestamp("last_inbound_at")), instant(rs.getTimestamp("ended_at")));
    }
}
