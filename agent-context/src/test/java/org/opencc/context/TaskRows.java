package org.opencc.context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.opencc.testsupport.postgres.PostgresDatabase;

/** Reads agent-context's tables in the test database, for assertions. */
final class TaskRows {
    static final String DATABASE = "agent_context_test";

    private TaskRows() {}

    static String reservationStatus(String reservationSid) throws SQLException {
        List<String> rows = strings("SELECT status FROM reservation WHERE reservation_sid = ?", reservationSid);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static List<String> strings(String sql, String parameter) throws SQLException {
        try (Connection db = PostgresDatabase.connect(DATABASE); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
