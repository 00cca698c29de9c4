package org.opencc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.process.LocalSuite;

/**
 * reporting-service's ingest as its issue asks: how many task events a second it folds into the interval metrics
 * (goal: at least 5,000 events/s on 2 cores), beside a raw Kafka consumer reading the same records in the same run.
 *
 * <p>reporting-service runs alone ({@link LocalSuite}, database {@code reporting_ingestbench}). Once it has folded
 * what earlier benchmarks published and shows a marker task in {@code GET /v1/intervals} (so its consumer group is
 * assigned), it gets two rounds: a warm-up of 20,000 events (quick 2,000; a freshly started service runs at a
 * fraction of its later rate while the JIT compiler works), then the measured round of N events (100,000; quick
 * 10,000; {@code --ingest-events}). Each round publishes complete task lifecycles ({@link TaskLifecycles}, a fresh
 * queue, event times spread over three intervals that have ended) as fast as one producer takes them, and polls the
 * queue's interval metrics until they count every task offered and accepted and give every interval the mean
 * handle time of the tasks completed in it. Events per second is N over first send → that answer. The measured
 * round's records are then read from {@code cc.tasks.v1} by a plain consumer (no group, no processing), the
 * baseline of the ratio.
 */
final class IngestBench implements Benchmark {
    static final String NAME = "ingest";
    static final String MODULE = LiveStatsBench.MODULE;
    static final List<String> SERVICES = List.of(MODULE);
    private static final int GOAL_PER_SECOND = 5000;
    /** About 5 × this many tasks in flight at once, their events interleaved as task-router publishes them. */
    private static final int TASKS_PER_STAGE = 100;
    /** As {@code kafka-throughput} publishes: batches form while the producer is busy. */
    private static final Map<String, Object> PRODUCER = Map.of(ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    /** The load's event times cover this many intervals (its completions may reach into one more). */
    private static final int SPREAD_INTERVALS = 3;
    private static final Duration POLL_EVERY = Duration.ofMillis(150);
    /** Far from the end, polls are further apart (see {@link #awaitIngested}), but never more than this. */
    private static final Duration POLL_AT_MOST_EVERY = Duration.ofSeconds(2);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration MARKER_DEADLINE = Duration.ofMinutes(2);
    /** The deadline allows a minute plus N events at this rate: a slower service fails the run. */
    private static final int SLOWEST_PER_SECOND = 100;
    private static final Duration RAW_DEADLINE = Duration.ofMinutes(2);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final String LISTENER_SPAN = "LiveEventListener.onTaskEvent";
    private static final String CPU_METRIC = "process_cpu_time_ns_total";

    private final Path root;
    private final int events;
    private final int lifecycles;
    private final int warmupEvents;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String supervisor = JwtMinter.shared().token("bench-supervisor", List.of("supervisor"), null);
    private final AtomicReference<Exception> publishFailure = new AtomicReference<>();
    private String baseUrl;

    IngestBench(BenchOptions options) {
        root = options.root();
        events = options.ingestEvents() > 0 ? options.ingestEvents() : options.count(100_000, 10_000);
        lifecycles = events / TaskLifecycles.STAGES;
        warmupEvents = options.count(20_000, 2_000);
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
        Ingested ingested;
        Path spans;
        try (ServiceSnapshot services = ServiceSnapshot.copy(root, SERVICES);
                LocalSuite suite = LocalSuite.start(services.root(), "ingestbench", SERVICES,
                        Map.of(MODULE, ContextBench.recording(MODULE + "-" + NAME)));
                KafkaProducer<String, String> producer = LoopbackKafka.producer(PRODUCER)) {
            baseUrl = suite.url(MODULE);
            spans = suite.spansFile(MODULE);
            ingested = ingest(producer);
        }
        // the service has stopped: its span file is complete, and the baseline has the machine to itself
        consumerSpans(spans, ingested);
        phase("raw Kafka consumer reading the same " + events + " records, twice (the first warms up)");
        rawConsume(ingested.start(), ingested.end());
        double rawPerSecond = rawConsume(ingested.start(), ingested.end());
        double perSecond = Latencies.rate(events, ingested.consumeNanos());
        String line = String.format(Locale.ROOT, "BENCH %s events=%d lifecycles=%d events/s=%.0f (goal >= %d)"
                + " produce-s=%.2f consume-s=%.2f raw-kafka-consume/s=%.0f ratio=%.4f", NAME, events, lifecycles,
                perSecond, GOAL_PER_SECOND, ingested.produceNanos() / 1e9, ingested.consumeNanos() / 1e9,
                rawPerSecond, perSecond / rawPerSecond);
        return new Result(NAME, line, Map.of("events_per_s", perSecond, "raw_consume_per_s", rawPerSecond));
    }

    /**
     * What the ingest measured: first send → all published, first send → all in the interval metrics (as
     * {@link System#nanoTime()} spans and as wall-clock instants for the service's spans), and the offsets of
     * {@code cc.tasks.v1} before and after the load.
     */
    private record Ingested(long produceNanos, long consumeNanos, Instant firstSent, Instant done,
            Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {}

    private Ingested ingest(KafkaProducer<String, String> producer) throws Exception {
        phase("waiting for earlier benchmarks' events to be applied");
        LiveStatsBench.awaitBacklogApplied(NAME);
        phase("marker task, until the interval metrics show it");
        long interval = awaitMarker(producer);
        // each round's events in intervals of their own, all ended: a poll's query reads only its round's facts
        Instant measuredFrom = floor(Instant.now(), interval).minusSeconds((SPREAD_INTERVALS + 2) * interval);
        Instant warmupFrom = measuredFrom.minusSeconds((SPREAD_INTERVALS + 2) * interval);
        Ingested warmup = round("warm-up", warmupEvents, warmupFrom, interval, producer);
        System.err.printf(Locale.ROOT, "bench: %s: warm-up: %d events in %.1f s (%.0f/s)%n", NAME, warmupEvents,
                warmup.consumeNanos() / 1e9, Latencies.rate(warmupEvents, warmup.consumeNanos()));
        return round("measured", events, measuredFrom, interval, producer);
    }

    /**
     * One round: {@code count} events of whole lifecycles in a fresh queue, their event times from {@code from} on,
     * published as fast as the producer takes them; waits until the interval metrics show them all.
     */
    private Ingested round(String label, int count, Instant from, long interval,
            KafkaProducer<String, String> producer) throws Exception {
        long tasks = count / TaskLifecycles.STAGES;
        long spacingMillis = SPREAD_INTERVALS * interval * 1000 / tasks;
        TaskLifecycles.EventTimes times = (task, stage) -> eventTime(from, spacingMillis, task, stage);
        TaskLifecycles load = new TaskLifecycles(Sid.next("WS"), 1, TASKS_PER_STAGE, tasks, times);
        String queue = load.queueSids().get(0);
        Expected expected = expected(times, tasks, interval);
        Instant to = expected.lastInterval().plusSeconds(interval);
        if (!to.isBefore(Instant.now())) {
            throw new IllegalStateException("the load's events would reach " + to + ", after now");
        }

        // encoded beforehand, as the outbox relay publishes payloads stored at commit: the sends alone are timed
        List<ProducerRecord<String, String>> records = new ArrayList<>(count);
        for (long slot = 0; slot < load.slots(); slot++) {
            TaskEvent event = load.event(slot);
            if (event != null) {
                records.add(LoopbackKafka.taskEvent(event));
            }
        }
        if (records.size() != count) {
            throw new IllegalStateException("the load carried " + records.size() + " events, not " + count);
        }
        Map<TopicPartition, Long> start = endOffsets();
        double cpuBefore = serviceCpuSeconds();
        phase(label + ": publishing " + count + " events (" + tasks + " lifecycles) to queue " + queue);
        long first = System.nanoTime();
        Instant firstSent = Instant.now();
        records.forEach(record -> send(producer, record));
        flush(producer);
        long produced = System.nanoTime();
        records.clear();
        Map<TopicPartition, Long> end = endOffsets();
        long appended = end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L))
                .sum();
        if (appended != count) {
            throw new IllegalStateException(Topics.TASKS + " grew by " + appended + " records while " + count
                    + " were published: something else publishes there, the baseline would read other records");
        }
        System.err.printf(Locale.ROOT, "bench: %s: %s: %d events published in %.2f s (%.0f/s)%n", NAME, label,
                count, (produced - first) / 1e9, Latencies.rate(count, produced - first));

        phase(label + ": polling the interval metrics of queue " + queue);
        long done = awaitIngested(label, queue, from, to, expected, tasks, first);
        Instant doneAt = Instant.now();
        double cpu = serviceCpuSeconds() - cpuBefore;
        double seconds = (done - first) / 1e9;
        System.err.printf(Locale.ROOT, "bench: %s: %s: reporting-service used %s during the %.1f s of ingest;"
                + " load average (1 min) at the end %.2f on %d cores%n", NAME, label,
                Double.isNaN(cpu) ? "n/a (no " + CPU_METRIC + " in /q/metrics)"
                        : String.format(Locale.ROOT, "%.1f CPU-s (%.2f cores)", cpu, cpu / seconds),
                seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        return new Ingested(produced - first, done - first, firstSent, doneAt, start, end);
    }

    /**
     * When stage {@code stage} of task {@code task} happened: tasks created {@code spacingMillis} apart from
     * {@code t0}, queued a second later, reserved 2–41 s after that, accepted 3 s later and completed after a
     * handle time that differs from task to task (30 s to about 5 min, in milliseconds), so that an interval's
     * mean handle time changes when a completion is missing.
     */
    private static Instant eventTime(Instant t0, long spacingMillis, long task, int stage) {
        long created = task * spacingMillis;
        long entered = created + 1_000;
        long reserved = entered + 2_000 + (task % 40) * 1_000;
        long accepted = reserved + 3_000;
        long completed = accepted + 30_000 + (task % 271) * 1_000 + task % 997;
        long[] at = {created, entered, reserved, accepted, completed};
        return t0.plusMillis(at[stage]);
    }

    /**
     * The load's intervals: the tasks offered and accepted in each and the mean handle time of those completed.
     *
     * @param byInterval per interval start: tasks offered, accepted and completed, and the sum of the completed
     *     tasks' handle times in milliseconds
     */
    private record Expected(Map<Instant, long[]> byInterval, Instant lastInterval) {}

    private static Expected expected(TaskLifecycles.EventTimes times, long tasks, long interval) {
        Map<Instant, long[]> byInterval = new TreeMap<>();
        for (long task = 0; task < tasks; task++) {
            Instant accepted = times.at(task, 3);
            Instant completed = times.at(task, 4);
            byInterval.computeIfAbsent(floor(times.at(task, 1), interval), i -> new long[4])[0]++;
            byInterval.computeIfAbsent(floor(accepted, interval), i -> new long[4])[1]++;
            long[] completions = byInterval.computeIfAbsent(floor(completed, interval), i -> new long[4]);
            completions[2]++;
            completions[3] += Duration.between(accepted, completed).toMillis();
        }
        return new Expected(byInterval, ((TreeMap<Instant, long[]>) byInterval).lastKey());
    }

    /**
     * Polls the queue's interval metrics until they show every task offered and accepted, each interval with the
     * counts and mean handle time the load gives it; returns the nanoTime of that answer. Fails at the deadline
     * with how far the metrics got.
     *
     * <p>Each poll is a query over every task of the queue (200–600 ms for 20,000 tasks on 2 busy cores): polled
     * every {@link #POLL_EVERY} throughout, the benchmark would take a good share of the CPU it measures. So it
     * polls every {@link #POLL_EVERY} only once the end is near: before, it waits an eighth of the time the rate so
     * far leaves until every task is offered and accepted (at most {@link #POLL_AT_MOST_EVERY}).
     */
    private long awaitIngested(String label, String queue, Instant from, Instant to, Expected expected, long tasks,
            long first) throws Exception {
        URI uri = URI.create(baseUrl + "/v1/intervals?task_queue_sid=" + queue + "&from=" + from + "&to=" + to);
        long deadline = first + TimeUnit.SECONDS.toNanos(60 + tasks * TaskLifecycles.STAGES / SLOWEST_PER_SECOND);
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        long polls = 0;
        long polling = 0;
        while (true) {
            long asked = System.nanoTime();
            JsonNode rows = intervals(uri).path("rows");
            long now = System.nanoTime();
            polls++;
            polling += now - asked;
            Progress progress = progress(rows, expected);
            if (progress.complete()) {
                System.err.printf(Locale.ROOT, "bench: %s: %s: %d polls of the interval metrics, together %.1f s"
                        + " (%.0f%% of the ingest), the last %.0f ms%n", NAME, label, polls, polling / 1e9,
                        100.0 * polling / (now - first), (now - asked) / 1e6);
                return now;
            }
            if (now > deadline) {
                throw new IllegalStateException(label + ": after " + TimeUnit.NANOSECONDS.toSeconds(now - first)
                        + " s the interval metrics of queue " + queue + " show " + progress.describe(tasks)
                        + ": the service folded about " + Latencies.perSecond(Latencies.rate(
                                (progress.offered() + progress.accepted()) * TaskLifecycles.STAGES / 2,
                                now - first), 0)
                        + " (events lost or rejected? see " + Topics.TASKS + ".dlq." + MODULE + ")");
            }
            if (now > nextProgress) {
                System.err.printf(Locale.ROOT, "bench: %s: %s: after %d s %s%n", NAME, label,
                        TimeUnit.NANOSECONDS.toSeconds(now - first), progress.describe(tasks));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            long seen = progress.offered() + progress.accepted();
            long wait = POLL_EVERY.toNanos();
            if (seen > 0 && seen < 2L * tasks) {
                long left = (long) ((2.0 * tasks - seen) / seen * (now - first));
                wait = Math.max(wait, Math.min(POLL_AT_MOST_EVERY.toNanos(), left / 8));
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The sums of one answer, and whether every interval matched what the load gives it. */
    private record Progress(long offered, long accepted, int handleTimesMatching, int handleTimesExpected,
            boolean complete) {
        String describe(long lifecycles) {
            return offered + " of " + lifecycles + " tasks offered, " + accepted + " accepted, "
                    + handleTimesMatching + " of " + handleTimesExpected + " intervals with their mean handle time";
        }
    }

    private static Progress progress(JsonNode rows, Expected expected) {
        long offered = 0;
        long accepted = 0;
        int matching = 0;
        boolean countsMatch = true;
        Map<Instant, JsonNode> byInterval = new HashMap<>();
        for (JsonNode row : rows) {
            offered += row.path("offered").asLong();
            accepted += row.path("accepted").asLong();
            byInterval.put(Instant.parse(row.path("interval_start").asText()), row);
        }
        int withCompletions = 0;
        for (Map.Entry<Instant, long[]> interval : expected.byInterval().entrySet()) {
            long[] want = interval.getValue();
            JsonNode row = byInterval.get(interval.getKey());
            countsMatch &= row != null && row.path("offered").asLong() == want[0]
                    && row.path("accepted").asLong() == want[1];
            if (want[2] > 0) {
                withCompletions++;
                // the service rounds the mean to milliseconds, half up
                double mean = BigDecimal.valueOf(want[3]).divide(BigDecimal.valueOf(want[2] * 1000L), 3,
                        RoundingMode.HALF_UP).doubleValue();
                if (row != null && row.hasNonNull("aht_seconds")
                        && Math.abs(row.path("aht_seconds").asDouble() - mean) < 0.0015) {
                    matching++;
                }
            }
        }
        return new Progress(offered, accepted, matching, withCompletions,
                countsMatch && byInterval.size() == expected.byInterval().size() && matching == withCompletions);
    }

    /**
     * Publishes one task lifecycle with event times of now in a queue of its own, and waits until the interval
     * metrics count it offered and accepted: the service is consuming (its group assigned) and answering. Returns
     * the interval length the service reports.
     */
    private long awaitMarker(KafkaProducer<String, String> producer) throws Exception {
        TaskLifecycles marker = new TaskLifecycles(Sid.next("WS"), 1, 1, 1, TaskLifecycles.EventTimes.NOW);
        for (long slot = 0; slot < marker.slots(); slot++) {
            TaskEvent event = marker.event(slot);
            if (event != null) {
                publish(producer, event);
            }
        }
        flush(producer);
        // a day either side: any interval length that divides a day has a boundary there
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
        URI uri = URI.create(baseUrl + "/v1/intervals?task_queue_sid=" + marker.queueSids().get(0) + "&from="
                + day.minus(1, ChronoUnit.DAYS) + "&to=" + day.plus(2, ChronoUnit.DAYS));
        long deadline = System.nanoTime() + MARKER_DEADLINE.toNanos();
        while (true) {
            JsonNode report = intervals(uri);
            long offered = 0;
            long accepted = 0;
            for (JsonNode row : report.path("rows")) {
                offered += row.path("offered").asLong();
                accepted += row.path("accepted").asLong();
            }
            if (offered == 1 && accepted == 1) {
                return report.path("interval_seconds").asLong();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the marker task was not in the interval metrics "
                        + MARKER_DEADLINE.toSeconds() + " s after it was published (offered " + offered
                        + ", accepted " + accepted + "): is " + MODULE + " consuming " + Topics.TASKS + "?");
            }
            Thread.sleep(POLL_EVERY.toMillis());
        }
    }

    private JsonNode intervals(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + supervisor).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri.getPath() + "?" + uri.getQuery() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return json.readTree(answer.body());
    }

    /**
     * The baseline: a consumer without a group reads the load's records from {@code cc.tasks.v1} ({@code start}
     * to {@code end} of every partition) as strings, doing nothing with them; returns records per second from its
     * first poll to the last record. Run twice, the first read warming up the consumer code and the broker's cache.
     */
    private double rawConsume(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        try (KafkaConsumer<String, String> consumer = LoopbackKafka.consumer()) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            end.forEach((partition, offset) -> {
                if (offset > start.get(partition)) {
                    remaining.put(partition, offset);
                }
            });
            long read = 0;
            long begin = System.nanoTime();
            long last = begin;
            long deadline = begin + RAW_DEADLINE.toNanos();
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the raw consumer read only " + read + " of " + events
                            + " records within " + RAW_DEADLINE);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long stop = remaining.get(partition);
                    if (stop != null && record.offset() < stop) {
                        read++;
                        last = System.nanoTime();
                        if (record.offset() == stop - 1) {
                            remaining.remove(partition);
                        }
                    }
                }
            }
            if (read != events) {
                throw new IllegalStateException("the raw consumer read " + read + " records, not " + events);
            }
            return Latencies.rate(read, last - begin);
        }
    }

    /** The end offset of every partition of {@code cc.tasks.v1}. */
    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = LoopbackKafka.broker().admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.TASKS)).allTopicNames().get(30, TimeUnit.SECONDS).get(Topics.TASKS)
                    .partitions().forEach(p -> latest.put(new TopicPartition(Topics.TASKS, p.partition()),
                            OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    /**
     * Where the service's time went, on stderr: its consumer spans ({@value #LISTENER_SPAN}) that started during the
     * ingest, their mean duration and their share of the ingest's wall-clock time (near 100%: the consumer was
     * always busy; well below: it waited, for Kafka or for CPU outside its spans).
     */
    private void consumerSpans(Path spans, Ingested ingested) throws IOException {
        if (!Files.exists(spans)) {
            System.err.println("bench: " + NAME + ": no span file " + spans);
            return;
        }
        long from = epochNanos(ingested.firstSent());
        long to = epochNanos(ingested.done());
        long count = 0;
        long busy = 0;
        try (BufferedReader lines = Files.newBufferedReader(spans, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains(LISTENER_SPAN) && line.endsWith("}")) {
                    JsonNode span = json.readTree(line);
                    long start = span.path("start_epoch_nanos").asLong();
                    if (LISTENER_SPAN.equals(span.path("name").asText()) && start >= from && start <= to) {
                        count++;
                        busy += span.path("end_epoch_nanos").asLong() - start;
                    }
                }
            }
        }
        System.err.printf(Locale.ROOT, "bench: %s: %d %s spans during the ingest, mean %.3f ms, together %.1f s"
                + " of its %.1f s (%.0f%%)%n", NAME, count, LISTENER_SPAN, count == 0 ? 0 : busy / 1e6 / count,
                busy / 1e9, (to - from) / 1e9, 100.0 * busy / Math.max(1, to - from));
    }

    /** The service's CPU time so far in seconds ({@value #CPU_METRIC} of {@code /q/metrics}); NaN if unread. */
    private double serviceCpuSeconds() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.body().lines().filter(line -> line.startsWith(CPU_METRIC))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1e9)
                    .findFirst().orElse(Double.NaN);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private void publish(KafkaProducer<String, String> producer, TaskEvent event) {
        send(producer, LoopbackKafka.taskEvent(event));
    }

    private void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                publishFailure.compareAndSet(null, e);
            }
        });
    }

    /** Flushes the producer; fails if an event could not be published (the metrics would never count it). */
    private void flush(KafkaProducer<String, String> producer) {
        producer.flush();
        if (publishFailure.get() != null) {
            throw new IllegalStateException("publishing to " + Topics.TASKS + " failed", publishFailure.get());
        }
    }

    private static Instant floor(Instant instant, long intervalSeconds) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), intervalSeconds) * intervalSeconds);
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** When each phase starts, on stderr. */
    private static void phase(String name) {
        System.err.println("bench: " + NAME + ": " + name + " at " + Instant.now());
    }
}
