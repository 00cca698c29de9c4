package org.opencc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.process.LocalSuite;

/**
 * reporting-service's live statistics as their issue asks: how long after an event is published a supervisor's
 * wallboard shows it (goal: p99 ≤ 1 s) while the service folds a steady 500 events/s.
 *
 * <p>reporting-service runs alone ({@link LocalSuite}, database {@code reporting_bench}). The benchmark publishes
 * task lifecycles to {@code cc.tasks.v1} as task-router does ({@link TaskLifecycles}, one workspace, 50 queues) at
 * a fixed rate, and reads one live stream ({@code /v1/queues/live/stream}) of another workspace as a wallboard
 * does. Every 100 ms it sends a probe there: a task entering a queue never seen before. A probe's latency is from
 * handing its {@code task-queue.entered} to the producer to the arrival of the first {@code queues} event listing
 * that queue with a pending task: Kafka, the consumer's transaction, the stream's poll of {@code live_version} and
 * its snapshot query, as a supervisor sees them.
 *
 * <p>The load runs twice: a warm-up (20 s; the service's JIT compiler otherwise takes most of its CPU during the
 * first tens of seconds), after which the benchmark waits until the view applied every event, then the measured
 * window (20 s) starting from an empty backlog. So the numbers are of the warmed-up service at the offered rate: a
 * service that cannot sustain it falls behind within the window and fails the run.
 *
 * <p>A run whose view lost events says nothing, so it fails when a probe is not visible within 10 s, or when, after
 * the load, {@code live_version} (bumped once per applied lifecycle event) does not count every event published.
 * The service's consumer spans split each probe's latency into Kafka and consumer lag, the transaction, and the
 * stream (on stderr; {@code applied-p99} in the line).
 */
final class LiveStatsBench implements Benchmark {
    static final String NAME = "live-stats";
    static final String MODULE = "reporting-service";
    static final List<String> SERVICES = List.of(MODULE);
    /** reporting-service's consumer group on cc.tasks.v1 and cc.workers.v1 (the live view's). */
    private static final String GROUP = "reporting-service";
    /** reporting-service's database in the benchmark's suite ({@code LocalSuite}: module database + suffix). */
    private static final String DATABASE = "reporting_bench";
    private static final String LISTENER_SPAN = "LiveEventListener.onTaskEvent";
    private static final String QUEUES_EVENT = "queues";
    private static final int QUEUES = 50;
    private static final int PROBES_PER_SECOND = 10;
    private static final long GOAL_P99_MS = 1000;
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(10);
    private static final Duration BACKLOG_DEADLINE = Duration.ofMinutes(5);
    private static final Duration DRAIN_DEADLINE = Duration.ofSeconds(60);
    /** The warm-up may leave a backlog on a slow machine: it is applied before the measured window starts. */
    private static final Duration WARMUP_DRAIN_DEADLINE = Duration.ofMinutes(3);
    /** The load producer's linger: a few events a batch, as the outbox relay publishes at this rate. */
    private static final int LOAD_LINGER_MS = 5;
    private static final Duration SPANS_DEADLINE = Duration.ofSeconds(10);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final Path root;
    private final int rate;
    private final int warmupSeconds;
    private final int measuredSeconds;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String supervisor = JwtMinter.shared().token("bench-supervisor", List.of("supervisor"), null);
    private final AtomicReference<Exception> publishFailure = new AtomicReference<>();
    /** Events handed to the producer so far (load and probes). */
    private final AtomicLong published = new AtomicLong();
    /** Each {@code queues} event of the stream: arrival (nanoTime), its version, events published by then. */
    private final List<long[]> snapshots = new ArrayList<>();
    /** {@code live_version} before the first event of this benchmark; -1 until read. */
    private volatile long baseVersion = -1;
    /** reporting-service's applied events before the first event of this benchmark. */
    private volatile long baseApplied;
    /** nanoTime and epoch nanoseconds of one instant: lines this JVM's times up with the service's span times. */
    private final long anchorNanos = System.nanoTime();
    private final long anchorEpochNanos = epochNanos(Instant.now());
    private String baseUrl;

    LiveStatsBench(BenchOptions options) {
        root = options.root();
        rate = options.count(500, 200);
        warmupSeconds = options.count(20, 10);
        measuredSeconds = options.count(20, 4);
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
        // where an event's time goes
        Map<String, String> environment = ContextBench.recording(MODULE);
        try (ServiceSnapshot services = ServiceSnapshot.copy(root, SERVICES);
                LocalSuite suite = LocalSuite.start(services.root(), "bench", SERVICES, Map.of(MODULE, environment));
                // the load in small batches, as the outbox relay publishes what accumulated while it sent the last
                KafkaProducer<String, String> loadProducer = LoopbackKafka.producer(Map.of(
                        ProducerConfig.LINGER_MS_CONFIG, LOAD_LINGER_MS));
                // each probe at once: its send time is when it is handed over
                KafkaProducer<String, String> probeProducer = LoopbackKafka.producer(Map.of())) {
            baseUrl = suite.url(MODULE);
            return measure(new Producers(loadProducer, probeProducer), suite.spansFile(MODULE), earlier);
        }
    }

    /** The load's producer and the probes' producer. */
    private record Producers(KafkaProducer<String, String> load, KafkaProducer<String, String> probes) {}

    private Result measure(Producers producers, Path spans, Map<String, Result> earlier) throws Exception {
        phase("waiting for earlier benchmarks' events to be applied");
        awaitBacklogApplied(NAME);
        String probeWorkspace = Sid.next("WS");
        ProbeBook book = new ProbeBook();
        // each task stays one second in each stage (pending outside a queue, pending, reserved, assigned)
        TaskLifecycles load = new TaskLifecycles(Sid.next("WS"), QUEUES, rate / TaskLifecycles.STAGES);
        long warmupSlots = (long) rate * warmupSeconds;
        if (load.rampUpSlots() > warmupSlots) {
            throw new IllegalStateException("the load's ramp-up (" + load.rampUpSlots() + " slots) outlasts the"
                    + " warm-up (" + warmupSlots + ")");
        }
        URI streamUri = URI.create(baseUrl + "/v1/queues/live/stream?workspace_sid=" + probeWorkspace);
        try (EventStream stream = EventStream.open(http, streamUri, supervisor,
                (name, data, arrival) -> onEvent(name, data, arrival, book))) {
            stream.awaitFirstEvent(HTTP_TIMEOUT);
            baseVersion = version(probeWorkspace);
            baseApplied = appliedEvents();

            phase("warm-up, load at " + rate + "/s for " + warmupSeconds + " s");
            Offered warmup = offer(producers, load, stream, book, probeWorkspace, 0, warmupSlots, false);
            phase("warm-up, waiting until every event is applied");
            long warmedUp = awaitApplied(baseApplied + published.get(), WARMUP_DRAIN_DEADLINE);
            awaitProbes(book, stream, warmedUp);
            System.err.println("bench: " + NAME + ": warm-up: " + warmup.events + " load events applied at "
                    + Latencies.perSecond(Latencies.rate(warmup.events, warmedUp - warmup.firstNanos), 1)
                    + " (first sent -> all applied)");

            phase("measured, load at " + rate + "/s for " + measuredSeconds + " s");
            Offered offered = offer(producers, load, stream, book, probeWorkspace, warmupSlots,
                    warmupSlots + (long) rate * measuredSeconds, true);
            awaitProbes(book, stream, offered.firstNanos);
            long applied = awaitApplied(baseApplied + published.get(), DRAIN_DEADLINE);
            phase("done");

            List<ProbeBook.Seen> seen = book.measured();
            Latencies latencies = new Latencies(seen.size());
            seen.forEach(s -> latencies.add(s.latencyNanos()));
            double achieved = Latencies.rate(offered.events, applied - offered.firstNanos);
            double p50 = latencies.percentileMs(0.50);
            double p99 = latencies.percentileMs(0.99);
            Latencies committed = breakdown(seen, spans, offered);
            Result kafka = earlier.get(KafkaLoopbackBench.NAME);
            Double kafkaP99 = kafka == null ? null : kafka.metrics().get(Result.P99_MS);
            String line = "BENCH " + NAME + " rate=" + rate + "/s achieved=" + Latencies.perSecond(achieved, 1)
                    + " probes=" + seen.size() + " p50=" + Latencies.ms(p50, 1) + " p99=" + Latencies.ms(p99, 1)
                    + " max=" + Latencies.ms(latencies.maxMs(), 1) + " (goal p99<=" + GOAL_P99_MS + "ms)"
                    + " poll=" + streamInterval(offered)
                    + " applied-p99=" + (committed == null ? "n/a" : Latencies.ms(committed.percentileMs(0.99), 1))
                    + " vs-kafka-p99=" + (kafkaP99 == null || kafkaP99 <= 0 ? "n/a"
                            : String.format(Locale.ROOT, "%.1fx", p99 / kafkaP99));
            Map<String, Double> metrics = new HashMap<>(Map.of(Result.P50_MS, p50, Result.P99_MS, p99,
                    "achieved", achieved));
            if (committed != null) {
                metrics.put("applied_p99_ms", committed.percentileMs(0.99));
            }
            return new Result(NAME, line, metrics);
        }
    }

    /** What one phase of load sent: its first and last send time and the load events (probes not counted). */
    private record Offered(long firstNanos, long lastNanos, long events) {}

    /**
     * Slots {@code from} to {@code to} of the load on a fixed schedule at {@link #rate}, with a probe every
     * {@code rate / 10} slots. Fails as soon as a probe is overdue, the stream broke or a send failed.
     */
    private Offered offer(Producers producers, TaskLifecycles load, EventStream stream, ProbeBook book,
            String probeWorkspace, long from, long to, boolean measured) throws Exception {
        long probeEvery = rate / PROBES_PER_SECOND;
        Pacer pacer = new Pacer(rate);
        long first = System.nanoTime();
        long events = 0;
        for (long slot = from; slot < to; slot++) {
            pacer.awaitSlot(slot - from);
            if (slot == from) {
                first = System.nanoTime();
            }
            TaskEvent event = load.event(slot);
            if (event != null) {
                publish(producers.load(), event);
                events++;
            }
            if ((slot - from) % probeEvery == 0) {
                probe(producers.probes(), book, probeWorkspace, measured);
                requireHealthy(book, stream, measured ? Long.valueOf(first) : null);
            }
        }
        long last = System.nanoTime();
        if (measured) {
            // other processes on a shared machine take CPU from the service: say so beside the numbers
            System.err.println("bench: " + NAME + ": load average (1 min) at the end of the window "
                    + String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage())
                    + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        }
        flush(producers.load());
        flush(producers.probes());
        double sendRate = Latencies.rate(to - from, last - first);
        if (sendRate < rate * 0.95) {
            System.err.println("bench: " + NAME + ": the benchmark kept only " + Latencies.perSecond(sendRate, 1)
                    + " of its " + rate + "/s schedule (this machine is too busy): treat the run with suspicion");
        }
        return new Offered(first, last, events);
    }

    /** A task entering a queue of the probe workspace nobody has seen: visible once a snapshot lists it pending. */
    private void probe(KafkaProducer<String, String> producer, ProbeBook book, String workspaceSid,
            boolean measured) {
        String queueSid = Sid.next("WQ");
        String taskSid = Sid.next("WT");
        String interactionId = Sid.next("IN");
        publish(producer, new TaskCreated(taskSid, workspaceSid, Sid.next("WW"), interactionId, "default", 0,
                "{\"channel\":\"sms\",\"interaction_id\":\"" + interactionId + "\"}", Instant.now()));
        long sent = System.nanoTime();
        book.sending(new ProbeBook.Probe(queueSid, taskSid, sent, measured));
        publish(producer, new TaskQueueEntered(taskSid, workspaceSid, queueSid, interactionId, Instant.now()));
    }

    /** Runs on the stream's thread for every event: marks the probes it shows, notes its version. */
    private void onEvent(String name, String data, long arrival, ProbeBook book) throws IOException {
        if (!QUEUES_EVENT.equals(name)) {
            return;
        }
        JsonNode snapshot = json.readTree(data);
        book.snapshot(snapshot.path("queues"), arrival);
        synchronized (snapshots) {
            snapshots.add(new long[] {arrival, snapshot.path("version").asLong(), published.get()});
        }
    }

    /**
     * Fails if the stream broke, a send failed, or a probe is overdue: not seen {@link #PROBE_DEADLINE} after the
     * later of its send and {@code clockStart} (a probe sent while the warm-up built a backlog counts from the end
     * of that backlog). With {@code clockStart} null no probe is overdue (the warm-up may fall behind).
     */
    private void requireHealthy(ProbeBook book, EventStream stream, Long clockStart) {
        if (stream.failure() != null) {
            throw new IllegalStateException("the live stream failed (" + liveness() + "): "
                    + stream.failure().getMessage(), stream.failure());
        }
        if (publishFailure.get() != null) {
            throw new IllegalStateException("publishing to cc.tasks.v1 failed", publishFailure.get());
        }
        ProbeBook.Probe oldest = book.oldestOutstanding();
        if (oldest != null && clockStart != null
                && System.nanoTime() - Math.max(oldest.sentNanos(), clockStart) > PROBE_DEADLINE.toNanos()) {
            throw overdue(oldest, book);
        }
    }

    /** Whether the service still answers {@code /q/health/live}: tells a broken stream from a stopped service. */
    private String liveness() {
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/live"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return MODULE + " still answers /q/health/live with " + status;
        } catch (IOException e) {
            return MODULE + " does not answer /q/health/live (" + e + "): stopped, or stopped from outside?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Waits until every probe was seen; each may take {@link #PROBE_DEADLINE} from its send or {@code clockStart}. */
    private void awaitProbes(ProbeBook book, EventStream stream, long clockStart) throws InterruptedException {
        ProbeBook.Probe oldest;
        while ((oldest = book.oldestOutstanding()) != null) {
            requireHealthy(book, stream, clockStart);
            long deadline = Math.max(oldest.sentNanos(), clockStart) + PROBE_DEADLINE.toNanos();
            // wake up now and then to notice a broken stream
            book.awaitAll(Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    private IllegalStateException overdue(ProbeBook.Probe probe, ProbeBook book) {
        return new IllegalStateException("probe queue " + probe.queueSid() + " (task " + probe.taskSid()
                + ") was not in the live stream " + PROBE_DEADLINE.toSeconds() + " s after its task-queue.entered"
                + " was sent (" + book.outstandingCount() + " probes outstanding): " + lag());
    }

    /** How far the view was behind at the latest snapshot, and how fast it was applying events: for a failure. */
    private String lag() {
        synchronized (snapshots) {
            if (snapshots.isEmpty() || baseVersion < 0) {
                return "no snapshot on the stream yet";
            }
            long[] last = snapshots.get(snapshots.size() - 1);
            long[] earlier = last;
            for (int i = snapshots.size() - 1; i >= 0; i--) {
                earlier = snapshots.get(i);
                if (last[0] - earlier[0] >= TimeUnit.SECONDS.toNanos(5)) {
                    break;
                }
            }
            double applying = Latencies.rate(last[1] - earlier[1], last[0] - earlier[0]);
            return "the latest snapshot (" + Latencies.ms((System.nanoTime() - last[0]) / 1e6, 0) + " ago) showed "
                    + "live_version moved " + (last[1] - baseVersion) + " times (once per applied batch) while "
                    + last[2] + " events were published, moving " + Latencies.perSecond(applying, 1)
                    + " before it, against " + rate + "/s of load and " + 2 * PROBES_PER_SECOND
                    + "/s of probe events offered";
        }
    }

    /**
     * Waits until reporting-service's {@code processed_event} rows (one per event it applied, written in the
     * event's transaction) count {@code target}: every event published applied. {@code live_version} cannot tell:
     * it moves once per transaction, and a transaction holds a batch of events. Returns the nanoTime it was first
     * seen.
     */
    private long awaitApplied(long target, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long applied = appliedEvents();
            long now = System.nanoTime();
            if (applied >= target) {
                if (applied > target) {
                    System.err.println("bench: " + NAME + ": " + (applied - baseApplied) + " events applied for "
                            + (target - baseApplied) + " published: something else published too");
                }
                return now;
            }
            if (now > deadline) {
                throw new IllegalStateException("reporting-service applied only " + (applied - baseApplied)
                        + " of the " + (target - baseApplied) + " events published within " + timeout + " of the"
                        + " last: events were lost or rejected (see cc.tasks.v1.dlq." + GROUP + ")");
            }
            Thread.sleep(50);
        }
    }

    /** How many events reporting-service's live view has applied: its {@code processed_event} rows. */
    private long appliedEvents() throws SQLException {
        try (Connection connection = PostgresDatabase.connect(DATABASE);
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM processed_event WHERE consumer = ?")) {
            count.setString(1, GROUP);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long version(String workspaceSid) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/v1/queues/live?workspace_sid=" + workspaceSid))
                .timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + supervisor)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/queues/live answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return json.readTree(answer.body()).path("version").asLong();
    }

    /**
     * Before the load: reporting-service's groups start at the earliest offsets, so in a full run the service first
     * folds everything the earlier benchmarks published (tasks and workers for the live view; interactions, context
     * reads and compliance events for journeys, in groups of their own). Waits until the committed offsets of every
     * {@code reporting-service*} group reach the end of what it reads: of cc.tasks.v1 and cc.workers.v1 for the
     * live view's group, which may not have joined yet, and of the partitions assigned to or committed by the
     * others. Offsets are committed every few seconds. {@code benchmark} names the waiting benchmark on stderr.
     */
    static void awaitBacklogApplied(String benchmark) throws Exception {
        try (Admin admin = LoopbackKafka.broker().admin()) {
            Set<TopicPartition> live = new HashSet<>();
            for (String topic : List.of(Topics.TASKS, Topics.WORKERS)) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                        .partitions().forEach(p -> live.add(new TopicPartition(topic, p.partition())));
            }
            long deadline = System.nanoTime() + BACKLOG_DEADLINE.toNanos();
            long first = -1;
            while (true) {
                long behind = 0;
                for (String group : groups(admin)) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                    Set<TopicPartition> read = new HashSet<>(committed.keySet());
                    read.addAll(assigned(admin, group));
                    if (GROUP.equals(group)) {
                        read.addAll(live);
                    }
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    read.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                    Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                            .get(30, TimeUnit.SECONDS);
                    for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
                        OffsetAndMetadata done = committed.get(end.getKey());
                        behind += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
                    }
                }
                if (behind == 0) {
                    return;
                }
                if (first < 0) {
                    first = behind;
                    System.err.println("bench: " + benchmark + ": " + MODULE + " first folds " + behind + " events"
                            + " published by earlier benchmarks");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(MODULE + " did not fold the " + first + " events already"
                            + " published within " + BACKLOG_DEADLINE + " (" + behind + " left)");
                }
                Thread.sleep(500);
            }
        }
    }

    /** The partitions assigned to the group's members now; none while it has not joined. */
    private static Set<TopicPartition> assigned(Admin admin, String group) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>();
        try {
            admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group)
                    .members().forEach(member -> partitions.addAll(member.assignment().topicPartitions()));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        return partitions;
    }

    /** The consumer groups of reporting-service: {@value #GROUP} and any other named after it. */
    private static Set<String> groups(Admin admin) throws Exception {
        Set<String> groups = new TreeSet<>(List.of(GROUP));
        for (GroupListing listing : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(30, TimeUnit.SECONDS)) {
            if (listing.groupId().startsWith(GROUP)) {
                groups.add(listing.groupId());
            }
        }
        return groups;
    }

    /**
     * The median time between two {@code queues} events in the measured window: under load {@code live_version}
     * moves all the time, so the stream sends one event per poll and this is the poll interval in effect.
     */
    private String streamInterval(Offered offered) {
        List<Long> gaps = new ArrayList<>();
        synchronized (snapshots) {
            for (int i = 1; i < snapshots.size(); i++) {
                long at = snapshots.get(i)[0];
                if (snapshots.get(i - 1)[0] >= offered.firstNanos && at <= offered.lastNanos) {
                    gaps.add(at - snapshots.get(i - 1)[0]);
                }
            }
        }
        if (gaps.isEmpty()) {
            return "n/a";
        }
        Latencies intervals = new Latencies(gaps.size());
        gaps.forEach(intervals::add);
        return Latencies.ms(intervals.percentileMs(0.5), 0);
    }

    /**
     * Splits each measured probe's latency by the service's consumer span of its {@code task-queue.entered}: sent →
     * consumer started (Kafka and the consumer's lag), started → committed (the transaction), committed → on the
     * stream (the poll and the snapshot query). Prints the split on stderr and returns sent → committed, or null
     * when some probes' spans are not in the span file.
     */
    private Latencies breakdown(List<ProbeBook.Seen> seen, Path spans, Offered offered)
            throws IOException, InterruptedException {
        Map<String, long[]> spanTimes = new HashMap<>();
        long deadline = System.nanoTime() + SPANS_DEADLINE.toNanos();
        while (true) {
            spanTimes.clear();
            if (Files.exists(spans)) {
                for (String line : Files.readAllLines(spans, StandardCharsets.UTF_8)) {
                    if (line.contains(TaskQueueEntered.TYPE) && line.contains(LISTENER_SPAN) && line.endsWith("}")) {
                        JsonNode span = json.readTree(line);
                        if (LISTENER_SPAN.equals(span.path("name").asText())) {
                            spanTimes.put(span.path("attributes").path(SpanKeys.TASK_SID).asText(), new long[] {
                                span.path("start_epoch_nanos").asLong(), span.path("end_epoch_nanos").asLong()});
                        }
                    }
                }
            }
            if (seen.stream().allMatch(s -> spanTimes.containsKey(s.probe().taskSid()))) {
                break;
            }
            if (System.nanoTime() > deadline) {
                long missing = seen.stream().filter(s -> !spanTimes.containsKey(s.probe().taskSid())).count();
                System.err.println("bench: " + NAME + ": " + missing + " of " + seen.size() + " probes have no "
                        + LISTENER_SPAN + " span in " + spans + ": no split of the latency");
                return null;
            }
            Thread.sleep(200);
        }
        Latencies queued = new Latencies(seen.size());
        Latencies transaction = new Latencies(seen.size());
        Latencies committed = new Latencies(seen.size());
        Latencies shown = new Latencies(seen.size());
        for (ProbeBook.Seen s : seen) {
            long[] span = spanTimes.get(s.probe().taskSid());
            long sent = epochNanosAt(s.probe().sentNanos());
            queued.add(span[0] - sent);
            transaction.add(span[1] - span[0]);
            committed.add(span[1] - sent);
            shown.add(epochNanosAt(s.arrivalNanos()) - span[1]);
        }
        // a consumer span ends when its event is handled; the batch's writes are sent together at its commit, so
        // "handled -> on the stream" includes the rest of the batch, its commit and the stream's poll
        System.err.println("bench: " + NAME + ": probe latency by the service's consumer spans, p50/p99/max:"
                + " sent -> consumer started " + split(queued)
                + ", consumer started -> handled " + split(transaction)
                + ", handled -> on the stream " + split(shown));
        return committed;
    }

    private static String split(Latencies latencies) {
        return Latencies.ms(latencies.percentileMs(0.5), 1) + "/" + Latencies.ms(latencies.percentileMs(0.99), 1)
                + "/" + Latencies.ms(latencies.maxMs(), 1);
    }

    private long epochNanosAt(long nanoTime) {
        return anchorEpochNanos + (nanoTime - anchorNanos);
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private void publish(KafkaProducer<String, String> producer, TaskEvent event) {
        producer.send(LoopbackKafka.taskEvent(event), (metadata, e) -> {
            if (e != null) {
                publishFailure.compareAndSet(null, e);
            }
        });
        published.incrementAndGet();
    }

    /** Flushes the producer; fails if an event could not be published (the view would never count it). */
    private void flush(KafkaProducer<String, String> producer) {
        producer.flush();
        if (publishFailure.get() != null) {
            throw new IllegalStateException("publishing to cc.tasks.v1 failed", publishFailure.get());
        }
    }

    /** When each phase starts, on stderr: to line up the machine's load with the phases. */
    private static void phase(String name) {
        System.err.println("bench: " + NAME + ": " + name + " at " + Instant.now());
    }
}
