package org.opencc.reporting;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Reads {@code GET /v1/intervals} as a supervisor and builds the rows a test expects. */
final class Intervals {
    static final Duration LENGTH = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METRICS = List.of("offered", "accepted", "abandoned", "short_abandoned",
            "abandonment_rate", "asa_seconds", "aht_seconds", "service_level", "service_level_threshold_seconds",
            "transfers", "occupancy");

    private Intervals() {}

    /**
     * A 15-minute boundary picked at random among ~1.7 million between 2000 and 2050: the database outlives test
     * runs, so each test's intervals are its own even for a queue sid fixed in configuration.
     */
    static Instant randomBase() {
        long slots = Duration.ofDays(365L * 50).dividedBy(LENGTH);
        return Instant.parse("2000-01-01T00:00:00Z").plus(LENGTH.multipliedBy(
                ThreadLocalRandom.current().nextLong(slots)));
    }

    /** The rows, each normalized as {@link #row} builds expectations (numbers as doubles). */
    static List<Map<String, Object>> rows(Instant from, Instant to, String groupBy, String taskQueueSid) {
        return rows(LiveEvents.token("supervisor"), from, to, groupBy, taskQueueSid);
    }

    /** The rows as the holder of {@code token} sees them; {@code groupBy} null asks for the default grouping. */
    static List<Map<String, Object>> rows(String token, Instant from, Instant to, String groupBy,
            String taskQueueSid) {
        var request = given().auth().oauth2(token)
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("task_queue_sid", taskQueueSid);
        if (groupBy != null) {
            request = request.queryParam("group_by", groupBy);
        }
        String body = request.get("/v1/intervals").then().statusCode(200).extract().asString();
        try {
            Map<String, Object> report = JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
            if (!Integer.valueOf(900).equals(report.get("interval_seconds"))) {
                throw new AssertionError("interval_seconds was " + report.get("interval_seconds"));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object row : (List<?>) report.get("rows")) {
                rows.add(normalized((Map<?, ?>) row));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An expected row; {@code values} are offered, accepted, abandoned, short_abandoned, abandonment_rate,
     * asa_seconds, aht_seconds, service_level, service_level_threshold_seconds and, for worker rows, occupancy.
     * transfers is always 0.
     */
    static Map<String, Object> row(Instant start, String groupKey, String groupValue, Number... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("interval_start", start);
        Map<String, Object> group = new LinkedHashMap<>();
        group.put(groupKey, groupValue);
        row.put("group", group);
        for (int i = 0; i < 9; i++) {
            row.put(METRICS.get(i), values[i] == null ? null : values[i].doubleValue());
        }
        row.put("transfers", 0.0);
        if (values.length > 9) {
            row.put("occupancy", values[9].doubleValue());
        }
        return row;
    }

    private static Map<String, Object> normalized(Map<?, ?> actual) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("interval_start", Instant.parse((String) actual.get("interval_start")));
        row.put("group", actual.get("group"));
        for (String metric : METRICS) {
            if (actual.containsKey(metric)) {
                Object value = actual.get(metric);
                row.put(metric, value == null ? null : ((Number) value).doubleValue());
            }
        }
        return row;
    }
}
