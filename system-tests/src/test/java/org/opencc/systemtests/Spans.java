package org.opencc.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON-lines span files the services write (FileSpanExporter). */
final class Spans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Spans() {}

    static List<JsonNode> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonNode> spans = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    spans.add(JSON.readTree(line));
                }
            }
            return spans;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean linksTo(JsonNode span, String traceId) {
        for (JsonNode link : span.path("links")) {
            if (traceId.equals(link.path("trace_id").asText())) {
                return true;
            }
        }
        return false;
    }

    static boolean hasAttribute(JsonNode span, String key, String value) {
        JsonNode attribute = span.path("attributes").path(key);
        return !attribute.isMissingNode() && value.equals(attribute.asText());
    }
}
