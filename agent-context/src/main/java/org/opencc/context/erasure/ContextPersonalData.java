package org.opencc.context.erasure;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencc.context.crm.ContextSubject;
import org.opencc.context.crm.CrmFanOut;
import org.opencc.contracts.compliance.PurgeRequested;
import org.opencc.support.erasure.PersonalData;

/**
 * What agent-context holds about a customer: copies of the sources' answers in the context cache (names, orders,
 * whatever the CRMs returned), and the customer key on its task and interaction views. Erasure drops the cached
 * answers and takes the key off the views (and out of the task attributes), so nothing here leads back to the
 * customer; the rows stay, keyless, for authorization and history counts.
 *
 * <p>A retention purge of data class {@value #CONTEXT_SNAPSHOTS} drops the cached answers fetched before the
 * purge's <em>default</em> cutoff: the cache does not know the customer's country, so the per-country cutoffs
 * are not applied (the default is the shortest retention of the class, so nothing is kept longer than any country
 * allows). Answers of a task whose customer key or interaction a legal hold names, and of reads by a held customer
 * key, are kept. The views hold no snapshot (ids and keys only): a purge of any class leaves them alone.
 */
@ApplicationScoped
public class ContextPersonalData implements PersonalData {
    /** The data class of the policy's {@code retention_days} that agent-context holds: its cached answers. */
    public static final String CONTEXT_SNAPSHOTS = "context_snapshots";
    private final AgroalDataSource dataSource;
    private final CrmFanOut crm;

    public ContextPersonalData(AgroalDataSource dataSource, CrmFanOut crm) {
        this.dataSource = dataSource;
        this.crm = crm;
    }

    @Override
    public long erase(List<String> customerKeys) {
        try (Connection c = dataSource.getConnection()) {
            Array keys = c.createArrayOf("text", customerKeys.toArray());
            List<String> tasks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT task_sid FROM task WHERE customer_key = ANY (?)")) {
                ps.setArray(1, keys);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tasks.add(rs.getString(1));
                    }
                }
            }
            long records = update(c, "UPDATE task SET customer_key = NULL, attributes = CASE WHEN attributes IS NULL"
                    + " THEN NULL ELSE (attributes::jsonb - 'customer_key')::text END WHERE customer_key = ANY (?)", keys);
            records += update(c, "UPDATE interaction SET customer_key = NULL WHERE customer_key = ANY (?)", keys);
            // the cache is not transactional: dropping entries twice (on a retry) is harmless
            tasks.forEach(crm::forget);
            customerKeys.forEach(crm::forgetCustomer);
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase customers from the context views", e);
        }
    }

    /**
     * Drops cached answers of class {@value #CONTEXT_SNAPSHOTS} fetched before the default cutoff, sparing held
     * tasks and customers (see the class comment). Idempotent: a retry finds nothing older left to drop.
     */
    @Override
    public long purge(PurgeRequested purge) {
        if (!CONTEXT_SNAPSHOTS.equals(purge.dataClass())) {
            return 0;
        }
        Set<String> heldScopes = heldScopes(purge);
        return crm.forgetFetchedBefore(purge.defaultCutoff(), heldScopes::contains);
    }

    /** The cache scopes a legal hold protects: tasks of held customers or interactions, and held customers. */
    private Set<String> heldScopes(PurgeRequested purge) {
        Set<String> scopes = new HashSet<>();
        purge.heldCustomerKeys().forEach(key -> scopes.add(ContextSubject.ofCustomer(key).cacheScope()));
        if (purge.heldCustomerKeys().isEmpty() && purge.heldInteractionIds().isEmpty()) {
            return scopes;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT task_sid FROM task WHERE customer_key = ANY (?)"
                        + " OR interaction_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", purge.heldCustomerKeys().toArray()));
            ps.setArray(2, c.createArrayOf("text", purge.heldInteractionIds().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    scopes.add(rs.getString(1));
                }
            }
            return scopes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the tasks a legal hold protects", e);
        }
    }

    private static long update(Connection c, String sql, Array keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, keys);
            return ps.executeUpdate();
        }
    }
}
