package org.opencc.gateway.privacy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencc.contracts.compliance.PurgeRequested;
import org.opencc.support.erasure.PersonalData;

/**
 * The one service that holds a customer's identifiers and words: the customer's address (phone number) on each
 * interaction, and the text of every message in and out. Erasure replaces the address with {@code erased} and
 * removes the bodies of the customer's interactions and messages, and ends any conversation still open (a new
 * message from the same number starts a new interaction with a fresh row). Ids, channel, times and statuses stay:
 * they are not personal data and the numbers of the reports depend on them.
 *
 * <p>A retention purge of data class {@value #MESSAGES} redacts the same way (address → {@code purged}) every
 * interaction created before the cutoff of its {@code country} (the default cutoff when the country is unknown or
 * has none of its own), with all its messages, unless a legal hold names its customer key or its id. The gateway
 * holds no other class that retention governs: a purge of another class changes nothing.
 */
@ApplicationScoped
public class GatewayPersonalData implements PersonalData {
    /** What an erased customer address becomes. */
    public static final String ERASED = "erased";
    /** What a customer address becomes when retention purged its interaction. */
    public static final String PURGED = "purged";
    /** The data class of the policy's {@code retention_days} that the gateway holds. */
    public static final String MESSAGES = "messages";

    /**
     * The interactions a purge reaches, as a join of {@code interaction i} with the countries' cutoffs: parameters
     * 1 and 2 the countries and their cutoffs (parallel arrays), 3 the default cutoff, 4 the held customer keys, 5
     * the held interaction ids.
     */
    private static final String PURGED_INTERACTIONS = " interaction i"
            + " LEFT JOIN unnest(?::text[], ?::timestamptz[]) AS cutoff (country, before) ON cutoff.country = i.country"
            + " WHERE i.created_at < COALESCE(cutoff.before, ?)"
            + " AND NOT (i.customer_key = ANY (?) OR i.id = ANY (?))";

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

    /**
     * Redacts the messages and interactions of class {@value #MESSAGES} from before their country's cutoff: one
     * statement per table, the cutoffs and holds passed as arrays. Rows already redacted (by an earlier purge or
     * an erasure) are not counted again. A message belongs to its interaction's age: a conversation is purged
     * whole.
     */
    @Override
    public long purge(PurgeRequested purge) {
        if (!MESSAGES.equals(purge.dataClass())) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            List<String> countries = new ArrayList<>();
            List<String> cutoffs = new ArrayList<>();
            for (Map.Entry<String, Instant> entry : purge.countryCutoffs().entrySet()) {
                countries.add(entry.getKey());
                cutoffs.add(entry.getValue().toString());
            }
            Object[] parameters = {c.createArrayOf("text", countries.toArray()),
                    c.createArrayOf("text", cutoffs.toArray()), Timestamp.from(purge.defaultCutoff()),
                    c.createArrayOf("text", purge.heldCustomerKeys().toArray()),
                    c.createArrayOf("text", purge.heldInteractionIds().toArray())};
            long records = update(c, "UPDATE message m SET body = NULL, error_message = NULL FROM"
                    + PURGED_INTERACTIONS + " AND m.interaction_id = i.id"
                    + " AND (m.body IS NOT NULL OR m.error_message IS NOT NULL)", parameters);
            records += update(c, "UPDATE interaction p SET customer_address = '" + PURGED + "', body = NULL,"
                    + " ended_at = COALESCE(p.ended_at, now()) FROM" + PURGED_INTERACTIONS + " AND p.id = i.id"
                    + " AND (p.customer_address NOT IN ('" + ERASED + "', '" + PURGED + "') OR p.body IS NOT NULL"
                    + " OR p.ended_at IS NULL)", parameters);
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge old interactions from the gateway", e);
        }
    }

    private static long update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }
}
