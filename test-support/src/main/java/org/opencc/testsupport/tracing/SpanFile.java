package org.opencc.testsupport.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The spans a service exported with service-support's FileSpanExporter ({@code cc.tracing.file}), one JSON object
 * a line. A {@code @QuarkusTest} writes them to {@link #TEST_FILE}; system tests give each process its own file.
 */
public final class SpanFile {
    /** Where the services' {@code %test.cc.tracing.file} points. */
    public static final Path TEST_FILE = Path.of("target/spans.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpanFile() {}

    /** Every span exported to the file so far (none when it does not exist yet). */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> spans = new ArrayList<>();
        if (!Files.exists(file)) {
            return spans;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                // a line the exporter is still appending is skipped; the next poll reads it whole
                if (!line.isBlank() && line.endsWith("}")) {
                    spans.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }

    /** Every span of the test file. */
    public static List<JsonNode> read() {
        return read(TEST_FILE);
    }

    /** The spans of one trace in the test file. */
    public static List<JsonNode> ofTrace(String traceId) {
        return read().stream().filter(span -> traceId.equals(span.path("trace_id").asText())).toList();
    }

    /** A fresh W3C {@code traceparent} for a request, so its spans can be found by trace id. */
    public static String newTraceparent() {
        return "00-" + hex(32) + "-" + hex(16) + "-01";
    }

    public static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    public static boolean hasAttribute(JsonNode span, String key, String value) {
        JsonNode attribute = span.path("attributes").path(key);
        return !attribute.isMissingNode() && value.equals(attribute.asText());
    }

    /** Whether the span links to a span of {@code traceId}. */
    public static boolean linksTo(JsonNode span, String traceId) {
        for (JsonNode link : span.path("links")) {
            if (traceId.equals(link.path("trace_id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
