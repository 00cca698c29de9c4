package org.opencc.gateway.intake;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The {@code intake_refused} table: messages we answered but did not route. Callers hold the transaction. */
@ApplicationScoped
public class IntakeRefusalRepository {
    /** The dialled number has no mapping to a workspace and workflow. */
    public static final String NUMBER_NOT_MAPPED = "number-not-mapped";

    private final AgroalDataSource dataSource;

    public IntakeRefusalRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a refusal once per message sid; a repeat inserts nothing. */
    public void record(String messageSid, String toNumber, String reason, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO intake_refused"
                        + " (message_sid, to_number, reason, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (message_sid) DO NOTHING")) {
            insert.setString(1, messageSid);
            insert.setString(2, toNumber);
            insert.setString(3, reason);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a refused message", e);
        }
    }

    public boolean exists(String messageSid) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM intake_refused WHERE message_sid = ?")) {
            select.setString(1, messageSid);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read refused messages", e);
        }
    }
}
