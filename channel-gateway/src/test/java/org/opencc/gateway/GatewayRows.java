package org.opencc.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.opencc.testsupport.postgres.PostgresDatabase;

/** Reads the gateway's test database directly, for assertions on what was (not) stored. */
public final class GatewayRows {
    private static final String DATABASE = "channel_gateway_test";

    private GatewayRows() {}

    public static int interactionsFor(String messageSid) {
        return count("SELECT count(*) FROM interaction WHERE provider_sid = ?", messageSid);
    }

    public static int refusalsFor(String messageSid) {
        return count("SELECT count(*) FROM intake_refused WHERE message_sid = ?", messageSid);
    }

    public static Optional<String> interactionId(String messageSid) {
        return text("SELECT id FROM interaction WHERE provider_sid = ?", messageSid);
    }

    /** Outbox rows of one event type about one interaction. */
    public static int outboxRows(String eventType, String interactionId) {
        return count("SELECT count(*) FROM outbox_event WHERE event_type = ? AND event_key = ?", eventType,
                interactionId);
    }

    public static boolean processed(String eventId) {
        return count("SELECT count(*) FROM processed_event WHERE consumer = 'channel-gateway' AND event_id = ?",
                eventId) == 1;
    }

    public static Optional<String> text(String sql, String... args) {
        try (Connection connection = PostgresDatabase.connect(DATABASE);
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setString(i + 1, args[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String sql, String... args) {
        return Integer.parseInt(text(sql, args).orElse("0"));
    }
}
