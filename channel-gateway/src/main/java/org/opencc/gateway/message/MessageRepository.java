package org.opencc.gateway.message;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** The {@code message} table. Callers hold the transaction. */
@ApplicationScoped
public class MessageRepository {
    private static final String COLUMNS = "id, interaction_id, direction, body, provider_sid, status,"
            + " idempotency_key, created_by, error_code, error_message, created_at, updated_at";

    private final AgroalDataSource dataSource;

    public MessageRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts a message unless one with its provider sid, or its interaction and idempotency key, exists (a
     * concurrent insert of the same waits for the first to commit, then inserts nothing).
     *
     * @return true when this call inserted it
     */
    public boolean insertIfAbsent(StoredMessage message) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO message (" + COLUMNS
                        + ", status_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, message.id());
            insert.setString(2, message.interactionId());
            insert.setString(3, message.direction());
            insert.setString(4, message.body());
            insert.setString(5, message.providerSid());
            insert.setString(6, message.status());
            insert.setString(7, message.idempotencyKey());
            insert.setString(8, message.createdBy());
            if (message.errorCode() == null) {
                insert.setNull(9, Types.INTEGER);
            } else {
                insert.setInt(9, message.errorCode());
            }
            insert.setString(10, message.errorMessage());
            insert.setTimestamp(11, Timestamp.from(message.createdAt()));
            insert.setTimestamp(12, Timestamp.from(message.updatedAt()));
            insert.setInt(13, MessageStatus.rank(message.status()).orElse(0));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert a message", e);
        }
    }

    public Optional<StoredMessage> find(String id) {
        return one("id = ?", id);
    }

    public Optional<StoredMessage> findByProviderSid(String providerSid) {
        return one("provider_sid = ?", providerSid);
    }

    public Optional<StoredMessage> findByIdempotencyKey(String interactionId, String idempotencyKey) {
        return one("interaction_id = ? AND idempotency_key = ?", interactionId, idempotencyKey);
    }

    /** Twilio accepted the outbound message: its sid, status {@code sent} (unless a callback got further). */
    public void markSent(String id, String providerSid, Instant now) {
        update("UPDATE message SET provider_sid = ?, status = CASE WHEN status_rank < ? THEN ? ELSE status END,"
                + " status_rank = GREATEST(status_rank, ?), updated_at = ? WHERE id = ?",
                providerSid, MessageStatus.rankOf(MessageStatus.SENT), MessageStatus.SENT,
                MessageStatus.rankOf(MessageStatus.SENT), Timestamp.from(now), id);
    }

    /** Twilio refused the outbound message, or could not be reached. */
    public void markFailed(String id, Integer errorCode, String errorMessage, Instant now) {
        update("UPDATE message SET status = ?, status_rank = ?, error_code = ?, error_message = ?, updated_at = ?"
                + " WHERE id = ?", MessageStatus.FAILED, MessageStatus.rankOf(MessageStatus.FAILED), errorCode,
                errorMessage, Timestamp.from(now), id);
    }

    /**
     * Moves an outbound message to {@code status} if that ranks above its current one.
     *
     * @return true when the status changed
     */
    public boolean advanceStatus(String providerSid, String status, int rank, Integer errorCode, Instant now) {
        return update("UPDATE message SET status = ?, status_rank = ?, error_code = COALESCE(?, error_code),"
                + " updated_at = ? WHERE provider_sid = ? AND direction = 'outbound' AND status_rank < ?",
                status, rank, errorCode, Timestamp.from(now), providerSid, rank) == 1;
    }

    private int update(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    // untyped: PostgreSQL takes the column's type
                    update.setNull(i + 1, Types.NULL);
                } else {
                    update.setObject(i + 1, args[i]);
                }
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update a message", e);
        }
    }

    private Optional<StoredMessage> one(String where, String... args) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM message WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                select.setString(i + 1, args[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a message", e);
        }
    }

    private static StoredMessage map(ResultSet rs) throws SQLException {
        int errorCode = rs.getInt("error_code");
        return new StoredMessage(rs.getString("id"), rs.getString("interaction_id"), rs.getString("direction"),
                rs.getString("body"), rs.getString("provider_sid"), rs.getString("status"),
                rs.getString("idempotency_key"), rs.getString("created_by"), rs.wasNull() ? null : errorCode,
                rs.getString("error_message"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
