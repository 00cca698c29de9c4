package org.opencc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import org.opencc.testsupport.postgres.PostgresDatabase;

/**
 * The PostgreSQL baseline: single-row autocommit inserts one after another (each a commit, so each waits for
 * the WAL flush, as a service's small transactions do), timed one by one; then the same number of rows in one
 * transaction as a JDBC batch, the ceiling for bulk writes. Database {@code bench}, table {@code bench_row}.
 */
final class PostgresInsertBench implements Benchmark {
    static final String NAME = "postgres-insert";
    static final String DATABASE = "bench";
    private static final String INSERT = "INSERT INTO bench_row (payload) VALUES (?)";

    private final int rows;

    PostgresInsertBench(BenchOptions options) {
        rows = options.count(5000, 500);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Map<String, Result> earlier) throws Exception {
        PostgresDatabase.ensure(DATABASE);
        try (Connection connection = PostgresDatabase.connect(DATABASE)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS bench_row (id bigserial PRIMARY KEY, payload text NOT NULL,"
                        + " created_at timestamptz NOT NULL DEFAULT now())");
                // an empty table each run: earlier runs must not make this one slower
                ddl.execute("TRUNCATE bench_row");
            }
            String payload = "p".repeat(100);
            Latencies latencies = new Latencies(rows);
            long singleNanos;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                // warm-up: the JIT, the server-side prepared statement (after 5 uses) and the connection
                for (int i = 0; i < Math.max(50, rows / 10); i++) {
                    insert.setString(1, payload);
                    insert.executeUpdate();
                }
                long start = System.nanoTime();
                for (int i = 0; i < rows; i++) {
                    long before = System.nanoTime();
                    insert.setString(1, payload);
                    insert.executeUpdate();
                    latencies.add(System.nanoTime() - before);
                }
                singleNanos = System.nanoTime() - start;
            }
            long batchNanos;
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                long start = System.nanoTime();
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, payload);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                batchNanos = System.nanoTime() - start;
            } finally {
                connection.setAutoCommit(true);
            }
            double single = Latencies.rate(rows, singleNanos);
            double batch = Latencies.rate(rows, batchNanos);
            double p50 = latencies.percentileMs(0.50);
            String line = "BENCH " + NAME + " single=" + Latencies.perSecond(single, 0) + " p50="
                    + Latencies.ms(p50, 2) + " p99=" + Latencies.ms(latencies.percentileMs(0.99), 2)
                    + " batch=" + Latencies.perSecond(batch, 0);
            return new Result(NAME, line, Map.of(Result.P50_MS, p50, "single", single, "batch", batch));
        }
    }
}
