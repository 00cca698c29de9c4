package org.opencc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.testsupport.crm.DemoCrm;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.process.LocalSuite;

/**
 * agent-context's context API as its issue asks: one source answering in 2 s and one in 50 ms, reads with a 300 ms
 * budget. Three numbers, each from the whole HTTP read as a desktop sees it:
 *
 * <ol>
 *   <li>{@code cold}: serial reads of tasks never reserved (nothing cached, both sources called each time): the
 *       read must answer at the budget, with the slow source {@code timeout} and the fast one {@code ok};
 *   <li>{@code prefetched}: serial reads by the agent of tasks whose {@code reservation.created} made agent-context
 *       fetch both sources into its cache, once both answers are there: no source is called;
 *   <li>{@code cached}: concurrent clients reading those tasks for a while: requests per second and p99.
 * </ol>
 *
 * <p>agent-context runs as a separate process ({@link LocalSuite}, database {@code agentcontext_bench}) with its
 * sources given in a properties file named by {@code QUARKUS_CONFIG_LOCATIONS} (the demo source switched off), two
 * {@link DemoCrm}s in this JVM. It learns tasks from {@code cc.tasks.v1}, so the benchmark publishes
 * {@code task.created} and {@code reservation.created} as task-router does. Every answer is checked (status of each
 * source, {@code fetched_at} for cached answers): the numbers of a run where the sources did not behave as set up
 * are worthless, so such a run fails.
 *
 * <p>Each read writes its audit event ({@code context.served}) to the outbox in a transaction of its own, so the
 * cached rate is bounded by PostgreSQL commits: the line sets it beside the bare single-insert rate of the
 * {@code postgres-insert} baseline.
 */
final class ContextBench implements Benchmark {
    static final String NAME = "context";
    static final List<String> SERVICES = List.of("agent-context");
    private static final int BUDGET_MS = 300;
    private static final Duration SLOW_LATENCY = Duration.ofSeconds(2);
    private static final Duration FAST_LATENCY = Duration.ofMillis(50);
    /** Above the slow source's latency: its calls succeed (late for the read) and warm the cache. */
    private static final String SLOW_TIMEOUT = "5s";
    private static final String SLOW = "slow";
    private static final String FAST = "fast";
    /** Reservations published per second: a 2 s source then has about 40 prefetches in flight (bulkhead: 64). */
    private static final int RESERVATION_RATE = 20;
    private static final int CLIENTS = 16;
    private static final Duration KNOWN_DEADLINE = Duration.ofSeconds(60);
    private static final Duration PREFETCH_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    /** A directory: agent-context then runs with a JFR recording (settings=profile) written there. */
    static final String PROFILE_PROPERTY = "cc.bench.profile";

    private final Path root;
    private final int coldWarmup;
    private final int coldReads;
    private final int prefetchedTasks;
    private final int prefetchedWarmup;
    private final Duration cachedWarmup;
    private final Duration cachedDuration;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String supervisor = JwtMinter.shared().token("bench-supervisor", List.of("supervisor"), null);
    /** An agent no reservation names: 403 for a known task, 404 for an unknown one, and no source is asked. */
    private final String stranger = JwtMinter.shared().token("bench-stranger", List.of("agent"), sid("WK"));
    private final AtomicReference<Exception> publishFailure = new AtomicReference<>();
    private String baseUrl;

    ContextBench(BenchOptions options) {
        root = options.root();
        coldWarmup = options.count(20, 5);
        coldReads = options.count(200, 20);
        prefetchedTasks = options.count(200, 30);
        prefetchedWarmup = options.count(50, 10);
        cachedWarmup = Duration.ofSeconds(options.count(2, 1));
        cachedDuration = Duration.ofSeconds(options.count(10, 2));
    }

    /**
     * With {@value #PROFILE_PROPERTY} set: the environment that makes a service record itself with JFR
     * ({@code settings=profile}) into {@code <dir>/<name>.jfr}, written when the suite stops it. Empty otherwise.
     */
    static Map<String, String> recording(String name) throws IOException {
        String profile = System.getProperty(PROFILE_PROPERTY);
        if (profile == null || profile.isBlank()) {
            return Map.of();
        }
        Path recording = Path.of(profile).toAbsolutePath().resolve(name + ".jfr");
        Files.createDirectories(recording.getParent());
        System.err.println("bench: recording " + name + " with JFR to " + recording);
        return Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + recording);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Fails with what to do when agent-context is not packaged, before anything is started. */
    static void requirePackaged(Path root) {
        Path jar = ServiceSnapshot.runJar(root, "agent-context");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(NAME + " needs the packaged agent-context, and " + jar + " is missing:"
                    + " run `mvn -B -q install -DskipTests` in " + root + " first (or pass --root, or leave it out"
                    + " with --only)");
        }
    }

    @Override
    public Result run(Map<String, Result> earlier) throws Exception {
        requirePackaged(root);
        LoopbackKafka.broker();
        Path sources = Files.createTempFile("cc-bench-context-sources-", ".properties");
        try (DemoCrm slow = new DemoCrm(0);
                DemoCrm fast = new DemoCrm(0);
                ServiceSnapshot services = ServiceSnapshot.copy(root, SERVICES)) {
            slow.setLatency(SLOW_LATENCY);
            fast.setLatency(FAST_LATENCY);
            Files.writeString(sources, String.join("\n",
                    "# written by the context benchmark (bench/README.md)",
                    "cc.context.sources." + SLOW + ".url=" + slow.baseUrl(),
                    "cc.context.sources." + SLOW + ".into=records",
                    "cc.context.sources." + SLOW + ".timeout=" + SLOW_TIMEOUT,
                    "cc.context.sources." + FAST + ".url=" + fast.baseUrl(),
                    "cc.context.sources." + FAST + ".into=customer",
                    ""), StandardCharsets.UTF_8);
            Map<String, String> environment = new HashMap<>(Map.of("QUARKUS_CONFIG_LOCATIONS", sources.toString(),
                    "CRM_DEMO_ENABLED", "false"));
            // where a read's time goes
            environment.putAll(recording("agent-context"));
            try (LocalSuite suite = LocalSuite.start(services.root(), "bench", SERVICES,
                    Map.of("agent-context", environment));
                    KafkaProducer<String, String> producer = LoopbackKafka.producer(Map.of())) {
                baseUrl = suite.url("agent-context");
                return measure(producer, earlier);
            }
        } finally {
            Files.deleteIfExists(sources);
        }
    }

    private Result measure(KafkaProducer<String, String> producer, Map<String, Result> earlier) throws Exception {
        List<BenchTask> cold = tasks(coldWarmup + coldReads);
        List<BenchTask> reserved = tasks(prefetchedTasks);
        for (BenchTask task : cold) {
            publish(producer, task.created());
        }
        for (BenchTask task : reserved) {
            publish(producer, task.created());
        }
        flush(producer);
        awaitKnown(cold);
        awaitKnown(reserved);

        // 1. cold: nothing cached, every read calls both sources and answers at the budget
        phase("cold reads");
        for (BenchTask task : cold.subList(0, coldWarmup)) {
            require(read(task.taskSid, supervisor), 200, task);
        }
        Latencies coldLatency = new Latencies(coldReads);
        for (BenchTask task : cold.subList(coldWarmup, cold.size())) {
            long sent = System.nanoTime();
            HttpResponse<String> answer = read(task.taskSid, supervisor);
            coldLatency.add(System.nanoTime() - sent);
            requireSources(answer, task, "timeout", false, "ok", false);
        }

        // 2. prefetched: reservation.created makes agent-context fetch both sources into its cache
        phase("reservations");
        Pacer pacer = new Pacer(RESERVATION_RATE);
        for (int i = 0; i < reserved.size(); i++) {
            pacer.awaitSlot(i);
            BenchTask task = reserved.get(i);
            publish(producer, task.reserved());
        }
        flush(producer);
        awaitPrefetched(reserved);
        phase("prefetched reads");
        for (int i = 0; i < prefetchedWarmup; i++) {
            BenchTask task = reserved.get(i % reserved.size());
            requireSources(read(task.taskSid, task.agentToken), task, "ok", true, "ok", true);
        }
        Latencies prefetchedLatency = new Latencies(reserved.size());
        for (BenchTask task : reserved) {
            long sent = System.nanoTime();
            HttpResponse<String> answer = read(task.taskSid, task.agentToken);
            prefetchedLatency.add(System.nanoTime() - sent);
            requireSources(answer, task, "ok", true, "ok", true);
        }

        // 3. cached: concurrent agents reading prefetched tasks
        phase("cached reads, warm-up");
        concurrent(reserved, cachedWarmup);
        phase("cached reads");
        Concurrent cached = concurrent(reserved, cachedDuration);

        phase("done");
        Result baseline = earlier.get(PostgresInsertBench.NAME);
        Double pgSingle = baseline == null ? null : baseline.metrics().get("single");
        double coldP50 = coldLatency.percentileMs(0.50);
        double coldP99 = coldLatency.percentileMs(0.99);
        double prefetchedP99 = prefetchedLatency.percentileMs(0.99);
        double cachedP99 = cached.latencies.percentileMs(0.99);
        String line = "BENCH " + NAME + " budget=" + BUDGET_MS + "ms slow=" + SLOW_LATENCY.toMillis() + "ms fast="
                + FAST_LATENCY.toMillis() + "ms"
                + " | cold reads=" + coldReads + " p50=" + Latencies.ms(coldP50, 1) + " p99="
                + Latencies.ms(coldP99, 1) + " (goal<=" + Math.round(BUDGET_MS * 1.1) + ")"
                + " | prefetched reads=" + reserved.size()
                + " p50=" + Latencies.ms(prefetchedLatency.percentileMs(0.5), 2) + " p99=" + Latencies.ms(prefetchedP99, 2) + " (goal<=10)"
                + " | cached clients=" + CLIENTS + " rps=" + String.format(Locale.ROOT, "%.0f", cached.rate)
                + " p50=" + Latencies.ms(cached.latencies.percentileMs(0.5), 2)
                + " p99=" + Latencies.ms(cachedP99, 2) + " (goal>=2000)"
                + " vs-pg-insert-single=" + (pgSingle == null || pgSingle <= 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.2fx", cached.rate / pgSingle));
        return new Result(NAME, line, Map.of(Result.P50_MS, coldP50, "cold_p99_ms", coldP99,
                "prefetched_p99_ms", prefetchedP99, "cached_rps", cached.rate, "cached_p99_ms", cachedP99));
    }

    /** What concurrent clients achieved: reads per second (first sent → last answered) and each read's latency. */
    private record Concurrent(double rate, Latencies latencies) {}

    /**
     * {@link #CLIENTS} threads, each reading the tasks in turn (client c starts at task c) as their agents, as fast
     * as they are answered, until {@code duration} has passed; every answer is checked.
     */
    private Concurrent concurrent(List<BenchTask> tasks, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, r -> {
            Thread thread = new Thread(r, "bench-context-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong lastAnswered = new AtomicLong();
            AtomicLong answeredReads = new AtomicLong();
            AtomicReference<Exception> failure = new AtomicReference<>();
            List<Future<Latencies>> clients = new ArrayList<>();
            long[] window = new long[2];
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                clients.add(pool.submit(() -> {
                    // room for 20,000 reads/s in all, far beyond what 2 cores serve; the rate counts every read anyway
                    Latencies mine = new Latencies((int) Math.max(1000, duration.toSeconds() * 20_000 / CLIENTS));
                    go.await();
                    for (int i = first; System.nanoTime() < window[1] && failure.get() == null; i++) {
                        BenchTask task = tasks.get(i % tasks.size());
                        long sent = System.nanoTime();
                        HttpResponse<String> answer;
                        try {
                            answer = read(task.taskSid, task.agentToken);
                            long answered = System.nanoTime();
                            mine.add(answered - sent);
                            answeredReads.incrementAndGet();
                            lastAnswered.accumulateAndGet(answered, Math::max);
                            requireSources(answer, task, "ok", true, "ok", true);
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                    return mine;
                }));
            }
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
            go.countDown();
            List<Latencies> parts = new ArrayList<>();
            for (Future<Latencies> client : clients) {
                parts.add(client.get(duration.toSeconds() + 120, TimeUnit.SECONDS));
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            Latencies all = Latencies.merge(parts);
            return new Concurrent(Latencies.rate(answeredReads.get(), lastAnswered.get() - window[0]), all);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Waits until agent-context knows every task: a stranger's read is refused (403) instead of 404. */
    private void awaitKnown(List<BenchTask> tasks) throws Exception {
        long deadline = System.nanoTime() + KNOWN_DEADLINE.toNanos();
        for (BenchTask task : tasks) {
            while (true) {
                HttpResponse<String> answer = read(task.taskSid, stranger);
                if (answer.statusCode() == 403) {
                    break;
                }
                if (answer.statusCode() != 404) {
                    throw new IllegalStateException("a stranger's read of task " + task.taskSid + " got "
                            + answer.statusCode() + " (expected 404, then 403): " + answer.body());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("agent-context did not learn task " + task.taskSid + " from "
                            + "cc.tasks.v1 within " + KNOWN_DEADLINE);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /**
     * Waits until each task's reservation is applied and both sources' answers are in the cache: the agent's read
     * answers 200 with both sources {@code ok} from the cache ({@code fetched_at}). A read made while the slow
     * source's prefetch is still running calls it once more (a miss), which only warms the cache as well.
     */
    private void awaitPrefetched(List<BenchTask> tasks) throws Exception {
        long deadline = System.nanoTime() + PREFETCH_DEADLINE.toNanos();
        for (BenchTask task : tasks) {
            while (true) {
                HttpResponse<String> answer = read(task.taskSid, task.agentToken);
                String problem = answer.statusCode() == 200
                        ? sourcesProblem(answer.body(), "ok", true, "ok", true) : "HTTP " + answer.statusCode();
                if (problem == null) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("task " + task.taskSid + " was not prefetched within "
                            + PREFETCH_DEADLINE + " of its reservation: " + problem);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** When each phase starts, on stderr: to line up a profile or the machine's load with the phases. */
    private static void phase(String name) {
        System.err.println("bench: " + NAME + ": " + name + " at " + Instant.now());
    }

    private HttpResponse<String> read(String taskSid, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/tasks/" + taskSid + "/context?budget_ms="
                        + BUDGET_MS))
                .timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void require(HttpResponse<String> answer, int status, BenchTask task) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("the read of task " + task.taskSid + " got " + answer.statusCode()
                    + " (expected " + status + "): " + answer.body());
        }
    }

    /** Fails unless the answer is 200 and each source has the status given (and {@code fetched_at} when cached). */
    private void requireSources(HttpResponse<String> answer, BenchTask task, String slowStatus, boolean slowCached,
            String fastStatus, boolean fastCached) throws IOException {
        require(answer, 200, task);
        String problem = sourcesProblem(answer.body(), slowStatus, slowCached, fastStatus, fastCached);
        if (problem != null) {
            throw new IllegalStateException("the read of task " + task.taskSid + " is not what the set-up makes it: "
                    + problem);
        }
    }

    /** What is wrong with the answer's {@code sources}, or null when both are as expected. */
    private String sourcesProblem(String body, String slowStatus, boolean slowCached, String fastStatus,
            boolean fastCached) throws IOException {
        JsonNode sources = json.readTree(body).path("sources");
        String slow = sourceProblem(sources, SLOW, slowStatus, slowCached);
        String fast = sourceProblem(sources, FAST, fastStatus, fastCached);
        return slow == null && fast == null ? null : "expected " + SLOW + " " + slowStatus
                + (slowCached ? " (cached)" : "") + " and " + FAST + " " + fastStatus + (fastCached ? " (cached)" : "")
                + ", sources were " + sources;
    }

    private static String sourceProblem(JsonNode sources, String name, String status, boolean cached) {
        for (JsonNode source : sources) {
            if (name.equals(source.path("name").asText())) {
                if (!status.equals(source.path("status").asText())) {
                    return "status";
                }
                if (cached != source.hasNonNull("fetched_at")) {
                    return "fetched_at";
                }
                return null;
            }
        }
        return "missing";
    }

    private void publish(KafkaProducer<String, String> producer, TaskEvent event) {
        producer.send(LoopbackKafka.taskEvent(event), (metadata, e) -> {
            if (e != null) {
                publishFailure.compareAndSet(null, e);
            }
        });
    }

    /** Flushes the producer; fails if an event could not be published (agent-context would never learn it). */
    private void flush(KafkaProducer<String, String> producer) {
        producer.flush();
        if (publishFailure.get() != null) {
            throw new IllegalStateException("publishing to cc.tasks.v1 failed", publishFailure.get());
        }
    }

    private static List<BenchTask> tasks(int count) {
        List<BenchTask> tasks = new ArrayList<>();
        String workspaceSid = sid("WS");
        for (int i = 0; i < count; i++) {
            tasks.add(new BenchTask(workspaceSid));
        }
        return tasks;
    }

    /** One task with fresh ids, as the gateway and task-router make them, and the agent a reservation offers it to. */
    private static final class BenchTask {
        final String workspaceSid;
        final String taskSid = sid("WT");
        final String interactionId = sid("IN");
        final String customerKey = "ck_" + hex(32);
        final String workerSid = sid("WK");
        final String agentToken = JwtMinter.shared().token("bench-agent-" + workerSid, List.of("agent"), workerSid);

        BenchTask(String workspaceSid) {
            this.workspaceSid = workspaceSid;
        }

        TaskCreated created() {
            String attributes = "{\"channel\":\"sms\",\"interaction_id\":\"" + interactionId
                    + "\",\"customer_key\":\"" + customerKey + "\",\"country\":\"US\",\"region\":\"us-east\"}";
            return new TaskCreated(taskSid, workspaceSid, sid("WW"), interactionId, "sms", 0, attributes,
                    Instant.now());
        }

        ReservationCreated reserved() {
            return new ReservationCreated(sid("WR"), taskSid, workspaceSid, workerSid, sid("WQ"), interactionId,
                    Instant.now());
        }
    }

    private static String sid(String prefix) {
        return prefix + hex(32);
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
