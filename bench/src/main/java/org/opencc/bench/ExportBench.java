package org.opencc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.process.LocalSuite;

/**
 * reporting-service's raw-event export ({@code GET /v1/exports/events}, CSV) of 1,000,000 events (quick: 50,000),
 * as its issue asks: "export of 1,000,000 events with flat memory". The events are written straight into the
 * service's {@code event_log} by one server-side {@code INSERT ... SELECT generate_series} (the export, not the
 * ingest, is measured), then exported twice: a tenth of them, and all of them. Memory is the service's heap as its
 * Prometheus endpoint reports it ({@code jvm_memory_used_bytes{area="heap"}}, summed over pools), sampled every
 * 100 ms during each export: flat means the whole export peaks no higher than the tenth does. Every row is counted
 * on arrival; an export that does not deliver every row fails the run.
 */
final class ExportBench implements Benchmark {
    static final String NAME = "export";
    static final String MODULE = "reporting-service";
    static final List<String> SERVICES = List.of(MODULE);
    private static final Instant T0 = Instant.parse("2019-01-01T00:00:00Z");
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    private static final Duration HTTP_TIMEOUT = Duration.ofMinutes(10);

    private final Path root;
    private final int events;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String supervisor = JwtMinter.shared().token("bench-supervisor", List.of("supervisor"), null);

    ExportBench(BenchOptions options) {
        root = options.root();
        events = options.count(1_000_000, 50_000);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Fails with what to do when reporting-service is not packaged, before anything is started. */
    static void requirePackaged(Path root) {
        ServiceSnapshot.requirePackaged(root, NAME, MODULE);
    }

    @Override
    public Result run(Map<String, Result> earlier) throws Exception {
        requirePackaged(root);
        LoopbackKafka.broker();
        try (ServiceSnapshot services = ServiceSnapshot.copy(root, SERVICES);
                LocalSuite suite = LocalSuite.start(services.root(), "exportbench", SERVICES)) {
            String baseUrl = suite.url(MODULE);
            long filled = fill(suite.database(MODULE));
            System.err.printf(Locale.ROOT, "bench: export: %d events written into event_log in %d ms%n", events,
                    filled);
            Export warm = export(baseUrl, events / 10); // warms the path; not reported
            Export tenth = export(baseUrl, events / 10);
            Export all = export(baseUrl, events);
            double rowsPerSecond = all.rows / (all.nanos / 1e9);
            double megabytesPerSecond = all.bytes / 1e6 / (all.nanos / 1e9);
            double growth = all.peakHeap / (double) Math.max(1, tenth.peakHeap);
            Result insert = earlier.get(PostgresInsertBench.NAME);
            String versus = insert == null || !insert.metrics().containsKey("batch") ? "n/a"
                    : String.format(Locale.ROOT, "%.2fx", rowsPerSecond / insert.metrics().get("batch"));
            String line = String.format(Locale.ROOT, "BENCH %s events=%d format=csv rows/s=%.0f MB/s=%.1f"
                    + " seconds=%.1f | heap-peak %d=%.0fMB %d=%.0fMB growth=%.2fx (goal: flat) vs-pg-batch-insert=%s",
                    NAME, all.rows, rowsPerSecond, megabytesPerSecond, all.nanos / 1e9, tenth.rows,
                    tenth.peakHeap / 1e6, all.rows, all.peakHeap / 1e6, growth, versus);
            System.err.printf(Locale.ROOT, "bench: export: warm-up of %d rows took %.1f s%n", warm.rows,
                    warm.nanos / 1e9);
            return new Result(NAME, line, Map.of("rows_per_s", rowsPerSecond, "heap_growth", growth));
        }
    }

    /** Writes the events, one millisecond apart from {@link #T0}, in one statement; returns how long it took. */
    private long fill(String database) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = PostgresDatabase.connect(database);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO event_log (event_id, type,"
                        + " topic, occurred_at, received_at, interaction_id, task_sid, worker_sid, trace_id, payload)"
                        + " SELECT 'bench-' || g, 'task.created', 'cc.tasks.v1',"
                        + " CAST(? AS timestamptz) + g * interval '1 millisecond',"
                        + " now(), 'IN' || md5(g::text), 'WT' || md5('t' || g), NULL, md5('trace' || g),"
                        + " jsonb_build_object('task_sid', 'WT' || md5('t' || g), 'workspace_sid',"
                        + " 'WS0123456789abcdef0123456789abcdef', 'interaction_id', 'IN' || md5(g::text),"
                        + " 'task_channel', 'sms', 'priority', 0, 'attributes', '{\"channel\":\"sms\",\"n\":' || g"
                        + " || '}', 'created_at',"
                        + " to_char((CAST(? AS timestamptz) + g * interval '1 millisecond') AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')) FROM generate_series(0, ? - 1) g")) {
            insert.setTimestamp(1, Timestamp.from(T0));
            insert.setTimestamp(2, Timestamp.from(T0));
            insert.setInt(3, events);
            insert.executeUpdate();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** One export's numbers: rows and bytes received, its duration, and the service's peak heap meanwhile. */
    private record Export(long rows, long bytes, long nanos, long peakHeap) {}

    /** Exports the first {@code count} events as CSV, counting rows as they arrive, sampling the service's heap. */
    private Export export(String baseUrl, int count) throws Exception {
        Instant to = T0.plusMillis(count);
        URI uri = URI.create(baseUrl + "/v1/exports/events?from=" + T0 + "&to=" + to + "&format=csv");
        AtomicLong peak = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(heapUsed(baseUrl), Math::max);
                try {
                    Thread.sleep(SAMPLE_EVERY.toMillis()); // a sampling period, not a wait for a result
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        long start = System.nanoTime();
        sampler.start();
        long rows = -1; // the header line is not a row
        long bytes = 0;
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT)
                    .header("Authorization", "Bearer " + supervisor).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the export answered " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes()));
            }
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = response.body()) {
                int read;
                while ((read = body.read(buffer)) > 0) {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            rows++;
                        }
                    }
                }
            }
        } finally {
            done.set(true);
            sampler.interrupt();
            sampler.join();
        }
        long nanos = System.nanoTime() - start;
        if (rows != count) {
            throw new IllegalStateException("the export of " + count + " events delivered " + rows + " rows");
        }
        return new Export(rows, bytes, nanos, peak.get());
    }

    /** The service's heap in use: {@code jvm_memory_used_bytes{area="heap"}} summed over its pools; 0 unread. */
    private long heapUsed(String baseUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return (long) response.body().lines()
                    .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
