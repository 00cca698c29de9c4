package org.opencc.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The spans the service exported to {@code %test.cc.tracing.file}, one JSON object a line. */
final class SpanFile {
    private static final Path FILE = Path.of("target/spans.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpanFile() {}

    /** The spans of one trace exported so far. */
    static List<JsonNode> ofTrace(String traceId) {
        List<JsonNode> spans = new ArrayList<>();
        if (!Files.exists(FILE)) {
            return spans;
        }
        try {
            for (String line : Files.readAllLines(FILE)) {
                if (line.contains(traceId) && line.endsWith("}")) {
                    // a line the exporter is still appending is skipped; the next poll reads it whole
                    JsonNode span = JSON.readTree(line);
                    if (traceId.equals(span.path("trace_id").asText())) {
                        spans.add(span);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }
}
