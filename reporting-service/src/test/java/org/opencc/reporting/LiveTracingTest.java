package org.opencc.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.sid;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.tracing.SpanFile;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class LiveTracingTest {

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

    private static Optional<JsonNode> consumerSpan(String traceId) {
        return SpanFile.ofTrace(traceId).stream()
                .filter(span -> "LiveEventListener.onTaskEvent".equals(span.path("name").asText())).findFirst();
    }
}
