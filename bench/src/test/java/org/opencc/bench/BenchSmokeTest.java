package org.opencc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The baselines run end to end in quick mode and print lines a script can grep and parse. The webhook benchmark
 * needs the packaged services and minutes: it is left to {@code exec:java}, only its up-front check is tested.
 */
class BenchSmokeTest {
    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";

    @Test
    void quickBaselinesPrintOneParsableLineEachAndASummary() throws Exception {
        List<String> lines = Bench.run(new String[] {"--quick", "--only", "kafka-loopback,postgres-insert"});

        Matcher kafka = only(lines, "BENCH kafka-loopback rate=" + NUMBER + "/s records=" + NUMBER + " achieved="
                + NUMBER + "/s p50=" + NUMBER + "ms p99=" + NUMBER + "ms max=" + NUMBER + "ms", 2);
        assertEquals(500, Double.parseDouble(kafka.group(1)), "quick rate");
        assertEquals(1000, Double.parseDouble(kafka.group(2)), "quick records: 500/s for 2 s");
        for (int group = 1; group <= 6; group++) {
            assertTrue(Double.parseDouble(kafka.group(group)) > 0, "group " + group + " of " + kafka.group());
        }
        assertTrue(Double.parseDouble(kafka.group(4)) <= Double.parseDouble(kafka.group(5))
                && Double.parseDouble(kafka.group(5)) <= Double.parseDouble(kafka.group(6)), "p50 <= p99 <= max");

        Matcher postgres = only(lines, "BENCH postgres-insert single=" + NUMBER + "/s p50=" + NUMBER + "ms p99="
                + NUMBER + "ms batch=" + NUMBER + "/s", 2);
        for (int group = 1; group <= 4; group++) {
            assertTrue(Double.parseDouble(postgres.group(group)) > 0, "group " + group + " of " + postgres.group());
        }

        assertTrue(lines.contains("=== bench summary ==="), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("jvm=\\S+ .* cores=[0-9]+ date=\\S+ mode=quick")),
                lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("webhook-to-reservation")
                || l.contains("kafka-throughput")), "--only runs only what it names: " + lines);
    }

    @Test
    void theWebhookBenchmarkSaysWhichJarIsMissingBeforeRunningAnything() {
        Path empty = Path.of("target", "no-services-here").toAbsolutePath();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Bench.run(new String[] {
            "--quick", "--only", "webhook-to-reservation", "--root", empty.toString()}));
        assertTrue(failure.getMessage().contains("task-router/target/quarkus-app/quarkus-run.jar is missing"),
                failure.getMessage());
    }

    @Test
    void theContextBenchmarkSaysItNeedsThePackagedAgentContextBeforeRunningAnything() {
        Path empty = Path.of("target", "no-services-here").toAbsolutePath();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Bench.run(new String[] {
            "--quick", "--only", "context", "--root", empty.toString()}));
        assertTrue(failure.getMessage().contains("agent-context/target/quarkus-app/quarkus-run.jar is missing"),
                failure.getMessage());
    }

    @Test
    void theLiveStatsBenchmarkSaysItNeedsThePackagedReportingServiceBeforeRunningAnything() {
        Path empty = Path.of("target", "no-services-here").toAbsolutePath();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Bench.run(new String[] {
            "--quick", "--only", "live-stats", "--root", empty.toString()}));
        assertTrue(failure.getMessage().contains("reporting-service/target/quarkus-app/quarkus-run.jar is missing"),
                failure.getMessage());
    }

    @Test
    void theIngestBenchmarkSaysItNeedsThePackagedReportingServiceBeforeRunningAnything() {
        Path empty = Path.of("target", "no-services-here").toAbsolutePath();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Bench.run(new String[] {
            "--quick", "--only", "ingest", "--root", empty.toString()}));
        assertTrue(failure.getMessage().contains("reporting-service/target/quarkus-app/quarkus-run.jar is missing"),
                failure.getMessage());
    }

    @Test
    void theIngestEventCountMustBeWholeLifecycles() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Bench.run(new String[] {"--only", "ingest", "--ingest-events", "1002"}));
        assertTrue(failure.getMessage().contains("--ingest-events must be a positive multiple of 5"),
                failure.getMessage());
        assertEquals(1000, BenchOptions.parse(new String[] {"--ingest-events 1000"}, List.of()).ingestEvents(),
                "a multiple of 5 is taken, also as one exec.args string");
    }

    @Test
    void anUnknownBenchmarkNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Bench.run(new String[] {"--only", "kafka-lookback"}));
        assertTrue(failure.getMessage().contains("kafka-loopback"), failure.getMessage());
    }

    /** The one line matching {@code regex}, which must appear {@code times} times (result and summary). */
    private static Matcher only(List<String> lines, String regex, int times) {
        Pattern pattern = Pattern.compile(regex);
        List<String> matching = lines.stream().filter(l -> pattern.matcher(l).matches()).toList();
        assertEquals(times, matching.size(), "lines matching " + regex + " in " + lines);
        Matcher matcher = pattern.matcher(matching.get(0));
        assertTrue(matcher.matches());
        return matcher;
    }
}
