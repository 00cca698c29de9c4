package org.opencc.context.erasure;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.opencc.context.crm.CrmFanOut;
import org.opencc.support.erasure.PersonalData;

/**
 * What agent-context holds about a customer: copies of the sources' answers in the context cache (names, orders,
 * whatever the CRMs returned), and the customer key on its task and interaction views. Erasure drops the cached
 * answers and takes the key off the views (and out of the task attributes), so nothing here leads back to the
 * customer; the rows stay, keyless, for authorization and history counts.
 */
@ApplicationScoped
public class ContextPersonalData implements PersonalData {
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

    private static long update(Connection c, String sql, Array keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, keys);
            return ps.executeUpdate();
        }
    }
}
