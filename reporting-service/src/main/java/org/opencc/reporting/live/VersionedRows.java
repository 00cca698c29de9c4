package org.opencc.reporting.live;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a live view in one statement of the form {@code SELECT v.version, x.* FROM live_version v LEFT JOIN x ON
 * true}: rows and version come from the same PostgreSQL snapshot, and a view with no rows still has its version
 * (one row whose {@code keyColumn} is null, skipped).
 */
final class VersionedRows {
    private VersionedRows() {}

    /** Sets the statement's parameters. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Maps one row. */
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The version the rows were read at, and the rows. */
    record Read<T>(long version, List<T> rows) {}

    static <T> Read<T> read(AgroalDataSource dataSource, String sql, Binder binder, String keyColumn,
            Mapper<T> mapper, String view) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            binder.bind(query);
            long version = 0;
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    version = rs.getLong("version");
                    if (rs.getString(keyColumn) != null) {
                        rows.add(mapper.map(rs));
                    }
                }
            }
            return new Read<>(version, List.copyOf(rows));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the live " + view + " view", e);
        }
    }
}
