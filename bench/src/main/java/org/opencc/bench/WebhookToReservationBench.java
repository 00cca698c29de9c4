package org.opencc.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opencc.testsupport.process.LocalSuite;

/**
 * The product path: a signed SMS webhook to channel-gateway until task-router's {@code reservation.created} is
 * on Kafka, with the services running as separate processes. Two modes, because the gateway's answer names no
 * interaction and reservations cannot be matched to webhooks under concurrency: serial (one webhook in flight,
 * so the next reservation is this webhook's) gives the latency; paced (webhooks at a fixed rate, reservations
 * counted) gives the throughput. Each reservation's task is then canceled, as agents free up.
 */
final class WebhookToReservationBench implements Benchmark {
    static final String NAME = "webhook-to-reservation";
    static final List<String> SERVICES = List.of("task-router", "channel-gateway");
    private static final Duration PER_WEBHOOK_DEADLINE = Duration.ofSeconds(30);

    private final Path root;
    private final int workers;
    private final int webhooks;
    private final int warmup;
    private final int rate;

    WebhookToReservationBench(BenchOptions options) {
        root = options.root();
        workers = options.count(50, 10);
        webhooks = options.count(200, 20);
        // 20 in both modes: a one-off stall of about 1 s within the first ~10 webhooks after start (seen
        // repeatedly) would otherwise be the p99 of a quick run
        warmup = 20;
        rate = 20;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Fails with what to do when the services are not packaged, before anything is started. */
    static void requirePackaged(Path root) {
        for (String module : SERVICES) {
            Path jar = ServiceSnapshot.runJar(root, module);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(NAME + " needs the packaged services, and " + jar + " is missing:"
                        + " run `mvn -B -q install -DskipTests` in " + root + " first (or pass --root, or"
                        + " leave it out with --only)");
            }
        }
    }

    @Override
    public Result run(Map<String, Result> earlier) throws Exception {
        requirePackaged(root);
        LoopbackKafka.broker();
        try (ServiceSnapshot services = ServiceSnapshot.copy(root, SERVICES);
                LocalSuite suite = LocalSuite.start(services.root(), "bench", SERVICES)) {
            ContactCenter center = new ContactCenter(suite);
            center.setUp(workers);
            try (ReservationWatcher watcher = ReservationWatcher.start(center.workspaceSid())) {
                serial(center, watcher, warmup, new Latencies(warmup));
                Latencies latencies = serial(center, watcher, webhooks, new Latencies(webhooks));
                double achieved = paced(center, watcher);
                double p50 = latencies.percentileMs(0.50);
                String line = "BENCH " + NAME + " serial=" + webhooks + " p50=" + Latencies.ms(p50, 1)
                        + " p99=" + Latencies.ms(latencies.percentileMs(0.99), 1)
                        + " vs-kafka-p50=" + ratio(p50, earlier.get(KafkaLoopbackBench.NAME))
                        + " vs-pg-insert-p50=" + ratio(p50, earlier.get(PostgresInsertBench.NAME))
                        + " | rate=" + rate + "/s achieved=" + Latencies.perSecond(achieved, 1)
                        + " reservations=" + webhooks;
                return new Result(NAME, line, Map.of(Result.P50_MS, p50, "achieved", achieved));
            }
        }
    }

    /** One webhook in flight at a time, paced at no more than {@link #rate}; the latency of each. */
    private Latencies serial(ContactCenter center, ReservationWatcher watcher, int count, Latencies latencies)
            throws Exception {
        Pacer pacer = new Pacer(rate);
        for (int i = 0; i < count; i++) {
            pacer.awaitSlot(i);
            long sent = System.nanoTime();
            requireAccepted(center.sendSms());
            ReservationWatcher.Arrival arrival = watcher.next(PER_WEBHOOK_DEADLINE);
            if (arrival == null) {
                throw new TimeoutException("webhook " + (i + 1) + " of " + count + " has no reservation.created"
                        + " after " + PER_WEBHOOK_DEADLINE);
            }
            latencies.add(arrival.readNanos() - sent);
            center.cancelTask(arrival.taskSid());
        }
        return latencies;
    }

    /**
     * {@link #webhooks} webhooks at {@link #rate} per second, answers not awaited; reservations per second from
     * the first webhook sent to the last reservation read.
     */
    private double paced(ContactCenter center, ReservationWatcher watcher) throws Exception {
        ExecutorService releaser = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "bench-releaser");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(webhooks / rate) + Duration.ofSeconds(60)
                    .toNanos();
            Future<Long> lastRead = releaser.submit(() -> {
                long last = 0;
                for (int i = 0; i < webhooks; i++) {
                    ReservationWatcher.Arrival arrival = watcher.next(Duration.ofNanos(Math.max(0,
                            deadline - System.nanoTime())));
                    if (arrival == null) {
                        throw new TimeoutException("only " + i + " of " + webhooks + " reservations arrived");
                    }
                    last = arrival.readNanos();
                    center.cancelTask(arrival.taskSid());
                }
                return last;
            });
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            Pacer pacer = new Pacer(rate);
            long firstSent = System.nanoTime();
            for (int i = 0; i < webhooks; i++) {
                pacer.awaitSlot(i);
                answers.add(center.sendSmsAsync());
            }
            for (int i = 0; i < answers.size(); i++) {
                try {
                    requireAccepted(answers.get(i).get(Math.max(1, deadline - System.nanoTime()),
                            TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    throw new TimeoutException("webhook " + (i + 1) + " of " + webhooks + " was not answered in time");
                }
            }
            long last = lastRead.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return Latencies.rate(webhooks, last - firstSent);
        } finally {
            releaser.shutdownNow();
            releaser.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void requireAccepted(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the webhook was answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    /** How many times the baseline's median this is, or n/a when the baseline did not run in this run. */
    private static String ratio(double p50, Result baseline) {
        Double base = baseline == null ? null : baseline.metrics().get(Result.P50_MS);
        return base == null || base <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1fx", p50 / base);
    }
}
