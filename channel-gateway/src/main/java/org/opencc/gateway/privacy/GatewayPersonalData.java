package org.opencc.gateway.privacy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.opencc.support.erasure.PersonalData;

/**
 * The one service that holds a customer's identifiers and words: the customer's address (phone number) on each
 * interaction, and the text of every message in and out. Erasure replaces the address with {@code erased} and
 * removes the bodies of the customer's interactions and messages, and ends any conversation still open (a new
 * message from the same number starts a new interaction with a fresh row). Ids, channel, times and statuses stay:
 * they are not personal data and the numbers of the reports depend on them.
 */
@ApplicationScoped
public class GatewayPersonalData implements PersonalData {
    /** What an erased customer address becomes. */
    public static final String ERASED = "erased";
    private final AgroalDataSource dataSource;

    public GatewayPersonalData(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long erase(List<String> customerKeys) {
        try (Connection c = dataSource.getConnection()) {
            Array keys = c.createArrayOf("text", customerKeys.toArray());
            long records = update(c, "UPDATE message SET body = NULL, error_message = NULL WHERE body IS NOT NULL"
                    + " AND interaction_id IN (SELECT id FROM interaction WHERE customer_key = ANY (?))", keys);
            records += update(c, "UPDATE interaction SET customer_address = '" + ERASED + "', body = NULL,"
                    + " ended_at = COALESCE(ended_at, now()) WHERE customer_key = ANY (?)"
                    + " AND (customer_address <> '" + ERASED + "' OR body IS NOT NULL)", keys);
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase customers from the gateway's interactions", e);
        }
    }

    private static long update(Connection c, String sql, Array keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, keys);
            return ps.executeUpdate();
        }
    }
}
