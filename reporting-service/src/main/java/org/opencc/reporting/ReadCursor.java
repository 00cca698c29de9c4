package org.opencc.reporting;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a query's rows through a PostgreSQL cursor, {@value #FETCH_SIZE} rows per fetch, so memory stays flat for
 * any number of rows: PostgreSQL fetches by cursor only inside a transaction, so the read runs in one of its own,
 * rolled back at the end (it writes nothing).
 */
public final class ReadCursor {
    static final int FETCH_SIZE = 500;

    private ReadCursor() {}

    /** Sets the statement's parameters. */
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Handles one row; may write it somewhere. */
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException, IOException;
    }

    /**
     * Runs {@code sql} and hands each row to {@code handler}.
     *
     * @param what what is read, for the error message
     * @throws UncheckedIOException when the handler's writing failed (e.g. the client of a stream went away)
     */
    public static void forEach(AgroalDataSource dataSource, String sql, Binder binder, RowHandler handler,
            String what) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                binder.bind(statement);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(rs);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + what, e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + what + " failed (the client may have gone away)", e);
        }
    }
}
