package org.opencc.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.opencc.testsupport.process.ServiceProcess;

/**
 * One command for the benchmarks, run in a fixed order so later lines can be set beside the baselines measured
 * moments before on the same (shared, noisy) machine: raw Kafka on loopback, bare PostgreSQL inserts, then the
 * product paths through the packaged services (webhook to reservation, routing, the context API, the live
 * statistics, the export, the ingest into the interval metrics). Prints one {@code BENCH <name> key=value ...}
 * line per benchmark, then a summary repeating them with the JVM, core count and date.
 *
 * <p>Options: {@code --quick} (small counts, for smoke runs), {@code --only NAME[,NAME]}, {@code --root PATH}
 * (repository root; default the system property {@code cc.repository.root}), {@code --ingest-events N}.
 */
public final class Bench {
    /** The benchmarks in the order they run; baselines first. */
    private static final Map<String, Function<BenchOptions, Benchmark>> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put(KafkaLoopbackBench.NAME, KafkaLoopbackBench::new);
        BENCHMARKS.put(KafkaThroughputBench.NAME, KafkaThroughputBench::new);
        BENCHMARKS.put(PostgresInsertBench.NAME, PostgresInsertBench::new);
        BENCHMARKS.put(WebhookToReservationBench.NAME, WebhookToReservationBench::new);
        BENCHMARKS.put(RoutingBench.NAME, RoutingBench::new);
        BENCHMARKS.put(ContextBench.NAME, ContextBench::new);
        BENCHMARKS.put(LiveStatsBench.NAME, LiveStatsBench::new);
        BENCHMARKS.put(ExportBench.NAME, ExportBench::new);
        BENCHMARKS.put(IngestBench.NAME, IngestBench::new);
    }

    private static final String LOG4J_FACTORY = "log4j2.loggerContextFactory";

    private final Clock clock;
    private final List<String> printed = new ArrayList<>();

    Bench(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        // services measured as they run in production: full JIT, not the tests' quicker-starting client compiler
        if (System.getProperty(ServiceProcess.FULL_JIT) == null) {
            System.setProperty(ServiceProcess.FULL_JIT, "true");
        }
        try {
            run(args);
        } finally {
            // the in-JVM broker's threads would keep exec:java waiting
            if (LoopbackKafka.used()) {
                LoopbackKafka.broker().stop();
            }
        }
    }

    /**
     * Runs the selected benchmarks and returns every line printed. Throws after printing the summary when a
     * benchmark failed, so the command fails; the others still run.
     */
    public static List<String> run(String[] args) throws Exception {
        return new Bench(Clock.systemUTC()).execute(BenchOptions.parse(args, List.copyOf(BENCHMARKS.keySet())));
    }

    List<String> execute(BenchOptions options) throws Exception {
        quietLibraries();
        if (options.selected(WebhookToReservationBench.NAME) || options.selected(RoutingBench.NAME)) {
            // fail before the baselines run, not minutes later
            WebhookToReservationBench.requirePackaged(options.root());
        }
        if (options.selected(ContextBench.NAME)) {
            ContextBench.requirePackaged(options.root());
        }
        if (options.selected(LiveStatsBench.NAME)) {
            LiveStatsBench.requirePackaged(options.root());
        }
        if (options.selected(ExportBench.NAME)) {
            ExportBench.requirePackaged(options.root());
        }
        if (options.selected(IngestBench.NAME)) {
            IngestBench.requirePackaged(options.root());
        }
        print("bench: " + (options.quick() ? "quick" : "full") + " run"
                + (options.only().isEmpty() ? "" : " of " + String.join(",", selected(options))));
        Map<String, Result> results = new LinkedHashMap<>();
        Exception firstFailure = null;
        for (String name : selected(options)) {
            Benchmark benchmark = BENCHMARKS.get(name).apply(options);
            Result result;
            try {
                result = benchmark.run(Map.copyOf(results));
            } catch (Exception e) {
                result = Result.failed(name, e);
                firstFailure = firstFailure == null ? e : firstFailure;
                e.printStackTrace(System.err);
            }
            results.put(name, result);
            print(result.line());
        }
        print("");
        print("=== bench summary ===");
        results.values().forEach(r -> print(r.line()));
        print("jvm=" + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")"
                + " cores=" + Runtime.getRuntime().availableProcessors()
                + " date=" + Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)
                + " mode=" + (options.quick() ? "quick" : "full"));
        if (firstFailure != null) {
            throw new IllegalStateException("benchmark failed: " + firstFailure.getMessage(), firstFailure);
        }
        return List.copyOf(printed);
    }

    private static List<String> selected(BenchOptions options) {
        return BENCHMARKS.keySet().stream().filter(options::selected).toList();
    }

    private void print(String line) {
        printed.add(line);
        System.out.println(line);
        System.out.flush();
    }

    /**
     * The in-JVM broker and the clients log pages at INFO (configs, every connection); the result lines are what
     * matters here. They log through slf4j into JBoss LogManager, whose loggers keep the levels set here.
     */
    private static void quietLibraries() {
        if (System.getProperty(LOG4J_FACTORY) == null) {
            // Kafka touches the Log4j API only to register an MBean; without a provider Log4j complains on stderr
            System.setProperty(LOG4J_FACTORY, "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            LogContext.getLogContext().getLogger(name).setLevel(Level.WARNING);
        }
    }
}
