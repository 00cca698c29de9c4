package org.opencc.reporting.metric;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencc.contracts.EventCodec;
import org.opencc.reporting.ReadCursor;
import org.opencc.reporting.config.ReportingConfig;
import org.opencc.reporting.interval.IntervalService;
import org.opencc.support.problem.ProblemException;

/**
 * Computes custom metrics per interval from {@code event_log} when asked, like the built-in interval metrics: the
 * log holds each event once (by CloudEvents id) with its own time, so redelivered events change nothing and a late
 * event lands in, and corrects, its interval. Events are read through a cursor ({@link ReadCursor}) and folded into
 * per-interval counters, so memory holds the intervals, not the events.
 */
@ApplicationScoped
public class CustomMetricService {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String TASK_ATTRIBUTES = "(SELECT c.payload->>'attributes' FROM event_log c"
            + " WHERE c.type = 'task.created' AND c.task_sid = e.task_sid ORDER BY c.occurred_at LIMIT 1)";
    private static final String EVENTS = "SELECT e.type, e.occurred_at, e.payload::text AS data, " + TASK_ATTRIBUTES
            + " AS task_attributes FROM event_log e WHERE e.type = ANY (?) AND e.occurred_at >= ?"
            + " AND e.occurred_at < ?";
    private static final String ENDS = "SELECT e.occurred_at, e.payload::text AS data, " + TASK_ATTRIBUTES
            + " AS task_attributes, (SELECT json_agg(json_build_object('at', s.occurred_at, 'data', s.payload)"
            + " ORDER BY s.occurred_at, s.event_id) FROM event_log s WHERE s.task_sid = e.task_sid AND s.type = ?)"
            + "::text AS starts, (SELECT json_agg(json_build_object('at', p.occurred_at, 'data', p.payload))"
            + " FROM event_log p WHERE p.task_sid = e.task_sid AND p.type = ? AND (p.occurred_at, p.event_id)"
            + " < (e.occurred_at, e.event_id))::text AS earlier_ends FROM event_log e WHERE e.type = ?"
            + " AND e.task_sid IS NOT NULL AND e.occurred_at >= ? AND e.occurred_at < ?";

    private final AgroalDataSource dataSource;
    private final CustomMetrics metrics;
    private final long intervalSeconds;
    private final ObjectMapper json = EventCodec.mapper();

    public CustomMetricService(AgroalDataSource dataSource, CustomMetrics metrics, ReportingConfig config) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.intervalSeconds = config.interval().toSeconds();
    }

    /** The metrics (all, or the one named) for every interval overlapping {@code [from, to)} with anything. */
    public CustomMetricReport report(Instant from, Instant to, String name) {
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(IntervalService.MAX_RANGE) > 0) {
            throw ProblemException.invalid("to", "the range from..to may span at most 31 days");
        }
        List<MetricDefinition> chosen = name == null || name.isEmpty() ? metrics.all()
                : List.of(metrics.named(name).orElseThrow(() -> ProblemException.invalid("name",
                        "no custom metric is named '" + name + "'; configured: "
                                + metrics.all().stream().map(MetricDefinition::name).toList())));
        Instant first = floor(from);
        Instant end = floor(to).equals(to) ? to : floor(to).plusSeconds(intervalSeconds);
        Map<Instant, List<CustomMetricRow>> byInterval = new TreeMap<>();
        for (MetricDefinition metric : chosen) {
            Map<Instant, long[]> buckets = metric.kind() == MetricDefinition.Kind.DURATION
                    ? durations(metric, first, end) : counts(metric, first, end);
            buckets.forEach((start, b) -> byInterval.computeIfAbsent(start, k -> new ArrayList<>())
                    .add(row(metric, start, b)));
        }
        List<CustomMetricRow> rows = new ArrayList<>();
        byInterval.values().forEach(rows::addAll);
        return new CustomMetricReport(intervalSeconds, chosen.stream().map(m ->
                new CustomMetricReport.Described(m.name(), m.kind().value(), m.description())).toList(), rows);
    }

    private static CustomMetricRow row(MetricDefinition metric, Instant start, long[] b) {
        return switch (metric.kind()) {
            case COUNT -> new CustomMetricRow(start, metric.name(), "count", b[0], null, null, (double) b[0]);
            case RATIO -> new CustomMetricRow(start, metric.name(), "ratio", null, b[0], b[1],
                    b[1] == 0 ? null : Math.round(10_000.0 * b[0] / b[1]) / 100.0);
            case DURATION -> new CustomMetricRow(start, metric.name(), "duration", b[0], null, null,
                    Math.round((double) b[1] / b[0]) / 1000.0);
        };
    }

    /** count: [events]; ratio: [numerator, denominator], per interval. */
    private Map<Instant, long[]> counts(MetricDefinition metric, Instant from, Instant to) {
        Map<Instant, long[]> buckets = new LinkedHashMap<>();
        MetricDefinition.Condition first = metric.first();
        MetricDefinition.Condition second = metric.second();
        ReadCursor.forEach(dataSource, EVENTS, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text",
                    metric.eventTypes().toArray()));
            statement.setTimestamp(2, Timestamp.from(from));
            statement.setTimestamp(3, Timestamp.from(to));
        }, rs -> {
            String type = rs.getString("type");
            Map<String, Object> document = document(rs.getString("data"), rs.getString("task_attributes"));
            Instant bucket = floor(instant(rs.getObject("occurred_at", OffsetDateTime.class)));
            if (first.event().equals(type) && matches(first, document)) {
                buckets.computeIfAbsent(bucket, k -> new long[2])[0]++;
            }
            if (second != null && second.event().equals(type) && matches(second, document)) {
                buckets.computeIfAbsent(bucket, k -> new long[2])[1]++;
            }
        }, "event_log for custom metrics");
        return buckets;
    }

    /**
     * duration: [tasks, total milliseconds] per interval of the end. A task counts once, at its first matching end
     * event, from its first matching start event at or before it.
     */
    private Map<Instant, long[]> durations(MetricDefinition metric, Instant from, Instant to) {
        Map<Instant, long[]> buckets = new LinkedHashMap<>();
        MetricDefinition.Condition start = metric.first();
        MetricDefinition.Condition end = metric.second();
        ReadCursor.forEach(dataSource, ENDS, statement -> {
            statement.setString(1, start.event());
            statement.setString(2, end.event());
            statement.setString(3, end.event());
            statement.setTimestamp(4, Timestamp.from(from));
            statement.setTimestamp(5, Timestamp.from(to));
        }, rs -> {
            String taskAttributes = rs.getString("task_attributes");
            if (!matches(end, document(rs.getString("data"), taskAttributes))) {
                return;
            }
            for (JsonNode earlier : parse(rs.getString("earlier_ends"))) {
                if (matches(end, document(earlier.path("data"), taskAttributes))) {
                    return; // counted at its first matching end
                }
            }
            Instant endAt = instant(rs.getObject("occurred_at", OffsetDateTime.class));
            for (JsonNode candidate : parse(rs.getString("starts"))) {
                Instant startAt = OffsetDateTime.parse(candidate.path("at").asText()).toInstant();
                if (!startAt.isAfter(endAt) && matches(start, document(candidate.path("data"), taskAttributes))) {
                    long[] bucket = buckets.computeIfAbsent(floor(endAt), k -> new long[2]);
                    bucket[0]++;
                    bucket[1] += Duration.between(startAt, endAt).toMillis();
                    return;
                }
            }
        }, "event_log for custom metrics");
        return buckets;
    }

    private boolean matches(MetricDefinition.Condition condition, Map<String, Object> document) {
        return condition.where() == null || condition.where().matches(document);
    }

    /** What a condition sees: {@code event.*} the event, {@code task.*} its task's attributes ({} if unknown). */
    private Map<String, Object> document(String eventJson, String taskAttributes) {
        return document(parse(eventJson), taskAttributes);
    }

    private Map<String, Object> document(JsonNode event, String taskAttributes) {
        Map<String, Object> task = Map.of();
        if (taskAttributes != null) {
            try {
                JsonNode parsed = json.readTree(taskAttributes);
                task = parsed.isObject() ? json.convertValue(parsed, MAP) : Map.of();
            } catch (IOException e) {
                task = Map.of(); // attributes set through the REST API may be anything
            }
        }
        return Map.of("event", json.convertValue(event, MAP), "task", task);
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return json.createArrayNode();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("event_log holds JSON PostgreSQL could not have stored", e);
        }
    }

    private Instant floor(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), intervalSeconds) * intervalSeconds);
    }

    private static Instant instant(OffsetDateTime at) {
        return at.toInstant();
    }
}
