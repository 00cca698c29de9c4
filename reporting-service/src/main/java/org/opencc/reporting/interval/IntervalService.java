package org.opencc.reporting.interval;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencc.reporting.config.ReportingConfig;
import org.opencc.support.problem.ProblemException;

/**
 * Interval metrics from the task facts: checks the range, applies the configured interval length and thresholds,
 * and derives the averages and rates (formulas in the README, "Interval metrics"). Created at startup so a bad
 * {@code cc.reporting.interval} stops the service instead of the first request.
 */
@Startup
@ApplicationScoped
public class IntervalService {
    /** The longest range one request may cover. */
    public static final Duration MAX_RANGE = Duration.ofDays(31);
    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private final IntervalRepository repository;
    private final Clock clock;
    private final long intervalSeconds;
    private final double shortAbandonSeconds;
    private final double defaultThreshold;
    private final Map<String, Double> thresholds;

    public IntervalService(IntervalRepository repository, Clock clock, ReportingConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.intervalSeconds = config.interval().toSeconds();
        if (intervalSeconds < 60 || intervalSeconds > DAY_SECONDS || DAY_SECONDS % intervalSeconds != 0
                || config.interval().toNanosPart() != 0) {
            throw new IllegalStateException("cc.reporting.interval must be whole seconds between 1m and 1d that"
                    + " divide a day, not " + config.interval());
        }
        this.shortAbandonSeconds = seconds(config.shortAbandon());
        this.defaultThreshold = seconds(config.serviceLevelDefault());
        Map<String, Double> byQueue = new LinkedHashMap<>();
        config.serviceLevel().forEach((queue, threshold) -> byQueue.put(queue, seconds(threshold)));
        this.thresholds = Map.copyOf(byQueue);
    }

    /**
     * Rows for every interval overlapping [{@code from}, {@code to}) in which the group had activity.
     *
     * @throws ProblemException (400) when {@code to} is not after {@code from} or the range exceeds 31 days
     */
    public IntervalReport report(Instant from, Instant to, GroupBy groupBy, String taskQueueSid) {
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("to", "the range from..to may span at most 31 days");
        }
        Instant first = floor(from);
        Instant end = floor(to).equals(to) ? to : floor(to).plusSeconds(intervalSeconds);
        List<IntervalRow> rows = repository.totals(groupBy, first, end, taskQueueSid, intervalSeconds,
                shortAbandonSeconds, defaultThreshold, thresholds, clock.instant()).stream()
                .map(totals -> row(groupBy, totals))
                .toList();
        return new IntervalReport(intervalSeconds, rows);
    }

    /** {@link #report} grouped by worker, with only {@code workerSid}'s rows: what an agent may see. */
    public IntervalReport ofWorker(Instant from, Instant to, String workerSid, String taskQueueSid) {
        IntervalReport all = report(from, to, GroupBy.WORKER, taskQueueSid);
        return new IntervalReport(all.intervalSeconds(), all.rows().stream()
                .filter(row -> workerSid.equals(row.group().get(GroupBy.WORKER.column()))).toList());
    }

    private IntervalRow row(GroupBy groupBy, IntervalTotals t) {
        long notShort = t.offered() - t.shortAbandoned();
        Double abandonmentRate = notShort > 0 ? round(100.0 * t.abandoned() / notShort, 2) : null;
        Double serviceLevel = t.acceptedWithWait() > 0
                ? round(100.0 * t.withinThreshold() / t.acceptedWithWait(), 2) : null;
        Double threshold = t.thresholdSeconds();
        if (groupBy == GroupBy.QUEUE && t.group() != null) {
            threshold = thresholds.getOrDefault(t.group(), defaultThreshold);
        }
        Double occupancy = t.busySeconds() == null ? null : round(t.busySeconds() / intervalSeconds, 4);
        return new IntervalRow(t.intervalStart(), Collections.singletonMap(groupBy.column(), t.group()),
                t.offered(), t.accepted(), t.abandoned(), t.shortAbandoned(), abandonmentRate,
                round(t.waitSeconds(), 3), round(t.handleSeconds(), 3), serviceLevel, threshold, 0, occupancy);
    }

    private Instant floor(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), intervalSeconds) * intervalSeconds);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static Double round(Double value, int places) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
