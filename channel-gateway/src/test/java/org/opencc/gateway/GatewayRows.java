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

    /** Forged webhooks that claimed a message sid (0 when none did). */
    public static int forgedAttempts(String messageSid) {
        return count("SELECT attempts FROM intake_forged WHERE message_sid = ?", messageSid);
    }

    /** Message rows of an interaction, either direction. */
    public static int messagesOf(String interactionId) {
        return count("SELECT count(*) FROM message WHERE interaction_id = ?", interactionId);
    }

    /** Interactions of one customer address (as Twilio sent {@code From}). */
    public static int interactionsOfCustomer(String customerAddress) {
        return count("SELECT count(*) FROM interaction WHERE customer_address = ?", customerAddress);
    }

    /** The interaction a message (by Twilio's sid) belongs to. */
    public static Optional<String> interactionOfMessage(String messageSid) {
        return text("SELECT interaction_id FROM message WHERE provider_sid = ?", messageSid);
    }

    /** Records an assignment directly, as an accepted reservation would (that path has its own test). */
    public static void assign(String interactionId, String workerSid) {
        execute("UPDATE interaction SET status = 'assigned', task_sid = ?, worker_sid = ? WHERE id = ?",
                Numbers.sid("WT"), workerSid, interactionId);
    }

    public static void execute(String sql, String... args) {
        try (Connection connection = PostgresDatabase.connect(DATABASE);
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                update.setString(i + 1, args[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
