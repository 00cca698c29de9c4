package org.opencc.bench;

import java.util.Map;

/**
 * What a benchmark measured: the line it prints and the numbers later benchmarks compare with.
 *
 * @param line the machine-greppable result line, {@code BENCH <name> key=value ...}
 * @param metrics named numbers (latencies in milliseconds, rates per second) for ratios in later lines
 */
public record Result(String name, String line, Map<String, Double> metrics) {
    /** Metric name of a median latency in milliseconds. */
    public static final String P50_MS = "p50_ms";
    /** Metric name of a 99th-percentile latency in milliseconds. */
    public static final String P99_MS = "p99_ms";

    public Result {
        metrics = Map.copyOf(metrics);
    }

    /** The line of a benchmark that did not finish, with its reason on one line. */
    static Result failed(String name, Throwable failure) {
        // the first line only: a service's failure message carries its log tail, which stays on stderr
        String reason = String.valueOf(failure.getMessage()).lines().findFirst().orElse("").strip();
        reason = reason.length() > 200 ? reason.substring(0, 200) + "..." : reason;
        return new Result(name, "BENCH " + name + " FAILED " + failure.getClass().getSimpleName() + ": " + reason,
                Map.of());
    }
}
