package org.opencc.gateway.intake;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.opencc.contracts.interaction.IntakeRefused;

/**
 * The {@code intake_refused} table: messages we answered but did not route; and {@code intake_forged}: the message
 * sids forged webhooks claimed. Callers hold the transaction.
 */
@ApplicationScoped
public class IntakeRefusalRepository {
    /** The dialled number has no mapping to a workspace and workflow. */
    public static final String UNMAPPED_NUMBER = IntakeRefused.UNMAPPED_NUMBER;
    /**
     * The dialled number is mapped to another region, which this deployment neither serves nor has a URL for
     * ({@code cc.gateway.regions."<region>".url}): the message is refused here and stored nowhere else. Published as
     * the {@code reason} of {@code intake.refused}.
     */
    public static final String POLICY_RESIDENCY = IntakeRefused.POLICY_RESIDENCY;

    private final AgroalDataSource dataSource;

    public IntakeRefusalRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a refusal once per message sid; a repeat inserts nothing. Returns whether this call inserted it. */
    public boolean record(String messageSid, String toNumber, String reason, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO intake_refused"
                        + " (message_sid, to_number, reason, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (message_sid) DO NOTHING")) {
            insert.setString(1, messageSid);
            insert.setString(2, toNumber);
            insert.setString(3, reason);
            insert.setTimestamp(4, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a refused message", e);
        }
    }

    /** Why the message with {@code messageSid} was refused, or empty when it was not. */
    public Optional<String> reason(String messageSid) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT reason FROM intake_refused WHERE message_sid = ?")) {
            select.setString(1, messageSid);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read refused messages", e);
        }
    }

    /**
     * Counts a forged webhook claiming {@code messageSid}: the first one inserts the row, later ones add an attempt.
     * Returns whether this call was the first for the sid (concurrent calls agree: exactly one sees attempt 1).
     */
    public boolean recordForged(String messageSid, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO intake_forged"
                        + " (message_sid, first_at, last_at, attempts) VALUES (?, ?, ?, 1)"
                        + " ON CONFLICT (message_sid) DO UPDATE SET attempts = intake_forged.attempts + 1,"
                        + " last_at = GREATEST(intake_forged.last_at, EXCLUDED.last_at) RETURNING attempts")) {
            upsert.setString(1, messageSid);
            upsert.setTimestamp(2, Timestamp.from(now));
            upsert.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = upsert.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a forged webhook", e);
        }
    }
}
