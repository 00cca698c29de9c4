package org.opencc.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.opencc.testsupport.process.LocalSuite;

/**
 * reporting-service's journeys, read as a supervisor. Events reach reporting through Kafka and spans through
 * OTLP, so a test waits (with a deadline, never a fixed sleep) until the journey holds what it needs, and only
 * then judges the verdict: a wrong verdict fails at once instead of being waited out.
 */
final class Journeys {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private final LocalSuite suite;
    private final HttpClient http;

    Journeys(LocalSuite suite, HttpClient http) {
        this.suite = suite;
        this.http = http;
    }

    /**
     * The interaction's journey once {@code ready} holds for it (404, not yet logged, counts as not ready).
     *
     * @param waitingFor what {@code ready} checks, for the message when the deadline passes
     */
    JsonNode until(String interactionId, String waitingFor, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await("journey of " + interactionId + ": " + waitingFor).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    HttpResponse<String> response = get("/v1/journeys/" + interactionId);
                    assertTrue(response.statusCode() == 200 || response.statusCode() == 404,
                            "GET journey answered " + response.statusCode() + ": " + response.body());
                    JsonNode journey = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
                    last[0] = journey;
                    assertTrue(journey != null && ready.test(journey), "waiting for " + waitingFor
                            + "; the journey is " + (journey == null ? "not logged yet" : pretty(journey)));
                });
        return last[0];
    }

    /** {@code GET /v1/journeys?anomaly=&from=}: the interactions since {@code from} with a finding of the rule. */
    JsonNode withAnomaly(String rule, Instant from) throws Exception {
        HttpResponse<String> response = get("/v1/journeys?anomaly=" + rule + "&from="
                + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The journey's events of one type, in event-time order. */
    static List<JsonNode> events(JsonNode journey, String type) {
        List<JsonNode> found = new ArrayList<>();
        journey.path("events").forEach(e -> {
            if (type.equals(e.path("type").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    static boolean has(JsonNode journey, String type) {
        return !events(journey, type).isEmpty();
    }

    /**
     * Asserts the verdict names {@code stage} and {@code rule}, and that the findings are exactly
     * {@code anomalies}, all of that same stage: no rule of another stage (an earlier one above all) fired.
     */
    static void assertAttributed(JsonNode journey, String stage, String rule, List<String> anomalies) {
        JsonNode attribution = journey.path("attribution");
        String shown = "\njourney: " + pretty(journey);
        assertEquals(stage, attribution.path("stage").asText(), "attribution.stage" + shown);
        assertEquals(rule, attribution.path("rule").asText(), "attribution.rule" + shown);
        List<String> wrongStage = StreamSupport.stream(attribution.path("anomalies").spliterator(), false)
                .filter(a -> !stage.equals(a.path("stage").asText()))
                .map(a -> a.path("rule").asText() + " (" + a.path("stage").asText() + ")").toList();
        assertEquals(List.of(), wrongStage, "findings of a stage other than " + stage + shown);
        assertEquals(new TreeSet<>(anomalies), new TreeSet<>(rules(attribution)), "attribution.anomalies" + shown);
    }

    static List<String> rules(JsonNode attribution) {
        return StreamSupport.stream(attribution.path("anomalies").spliterator(), false)
                .map(a -> a.path("rule").asText()).toList();
    }

    static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.toString();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(suite.url("reporting-service") + path))
                .header("Authorization", "Bearer " + suite.token("supervisor", null)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
