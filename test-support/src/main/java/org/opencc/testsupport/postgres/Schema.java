package org.opencc.testsupport.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a service's migrations made of its database, read from {@code information_schema}. */
public final class Schema {
    private final String database;

    public Schema(String database) {
        this.database = database;
    }

    /** The table's columns in order (empty when the table does not exist). */
    public List<String> columns(String table) throws SQLException {
        return strings("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", table);
    }

    public List<String> primaryKey(String table) throws SQLException {
        return constrained(table, "PRIMARY KEY");
    }

    /** The columns of the table's UNIQUE constraints. */
    public List<String> uniqueColumns(String table) throws SQLException {
        return constrained(table, "UNIQUE");
    }

    private List<String> constrained(String table, String constraintType) throws SQLException {
        return strings("SELECT k.column_name FROM information_schema.table_constraints c"
                + " JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name"
                + " AND k.table_schema = c.table_schema"
                + " WHERE c.table_schema = 'public' AND c.table_name = ? AND c.constraint_type = ?"
                + " ORDER BY k.ordinal_position", table, constraintType);
    }

    private List<String> strings(String sql, String... parameters) throws SQLException {
        try (Connection db = PostgresDatabase.connect(database); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
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
