package org.opencc.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.sid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class LiveTracingTest {
    /** Where {@code %test.cc.tracing.file} makes the service write its spans, one JSON object a line. */
    private static final Path SPANS = Path.of("target/spans.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theConsumerSpanContinuesTheEventsTraceAtStageReporting() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        publish(task.reserved(), "00-" + traceId + "-" + parentSpanId + "-01");

        JsonNode span = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumerSpan(traceId), Optional::isPresent).orElseThrow();
        assertEquals(parentSpanId, span.path("parent_span_id").asText());
        assertEquals("CONSUMER", span.path("kind").asText());
        JsonNode attributes = span.path("attributes");
        assertEquals("reporting", attributes.path("cc.stage").asText());
        assertEquals(task.taskSid, attributes.path("cc.task_sid").asText());
        assertEquals(task.interactionId, attributes.path("cc.interaction_id").asText());
        assertEquals(task.reservationSid, attributes.path("cc.reservation_sid").asText());
        assertEquals(task.workerSid, attributes.path("cc.worker_sid").asText());
    }

    private static Optional<JsonNode> consumerSpan(String traceId) throws IOException {
        if (!Files.exists(SPANS)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(SPANS)) {
            // a line the exporter is still appending is skipped; the next poll reads it whole
            if (line.contains(traceId) && line.endsWith("}")) {
                JsonNode span = JSON.readTree(line);
                if (traceId.equals(span.path("trace_id").asText())
                        && "LiveEventListener.onTaskEvent".equals(span.path("name").asText())) {
                    return Optional.of(span);
                }
            }
        }
        return Optional.empty();
    }
}
