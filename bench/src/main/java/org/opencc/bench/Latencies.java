package org.opencc.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A fixed-size set of latency samples in nanoseconds, with nearest-rank percentiles. */
final class Latencies {
    private final long[] samples;
    private int count;

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    /** Adds one sample; samples beyond the capacity are ignored (bounded memory whatever arrives). */
    void add(long nanos) {
        if (count < samples.length) {
            samples[count++] = nanos;
        }
    }

    /** The samples of several sets in one: concurrent clients each time their own requests, then are merged. */
    static Latencies merge(List<Latencies> parts) {
        Latencies all = new Latencies(parts.stream().mapToInt(Latencies::count).sum());
        for (Latencies part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.add(part.samples[i]);
            }
        }
        return all;
    }

    int count() {
        return count;
    }

    /** The nearest-rank percentile ({@code fraction} in (0, 1]) in milliseconds. */
    double percentileMs(double fraction) {
        if (count == 0) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    double maxMs() {
        return percentileMs(1.0);
    }

    /** Milliseconds with {@code decimals} decimals, e.g. {@code 1.31ms}. */
    static String ms(double millis, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "fms", millis);
    }

    /** A rate per second with {@code decimals} decimals, e.g. {@code 1998.7/s}. */
    static String perSecond(double rate, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f/s", rate);
    }

    /** Events per second over an interval given in nanoseconds. */
    static double rate(long events, long nanos) {
        return nanos <= 0 ? 0 : events * 1e9 / nanos;
    }
}
