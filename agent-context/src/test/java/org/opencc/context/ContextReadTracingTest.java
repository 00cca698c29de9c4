package org.opencc.context;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.tracing.SpanFile;

/** A context read's spans: linked to the interaction, one crm-stage span per source, failures named. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(DemoCrmResource.class)
class ContextReadTracingTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @AfterEach
    void healTheCrm() {
        CrmControl.reset();
        circuitBreakers.resetAll();
    }

    @Test
    void theReadLinksToTheInteractionAndTracesTheCrmCallInTheCrmStage() {
        TaskScenario task = known();
        String traceId = readInNewTrace(task);

        JsonNode server = await().atMost(Duration.ofSeconds(20)).until(
                () -> span(traceId, "SERVER"), Optional::isPresent).get();
        assertEquals(task.interactionId, server.path("attributes").path("cc.interaction_id").asText());
        assertEquals(task.taskSid, server.path("attributes").path("cc.task_sid").asText());
        assertEquals(task.rootTraceparent.split("-")[1], server.path("links").path(0).path("trace_id").asText());
        assertEquals(task.rootTraceparent.split("-")[2], server.path("links").path(0).path("span_id").asText());

        JsonNode crm = await().atMost(Duration.ofSeconds(20)).until(
                () -> named(traceId, "crm demo-crm"), Optional::isPresent).get();
        assertEquals("crm", crm.path("attributes").path("cc.stage").asText());
        assertEquals("UNSET", crm.path("status").asText());
        assertEquals(server.path("span_id").asText(), crm.path("parent_span_id").asText());
    }

    @Test
    void aCrmTimeoutIsNamedOnTheSourceSpan() {
        TaskScenario task = known();
        CrmControl.latency(3000);
        String traceId = readInNewTrace(task);
        JsonNode crm = await().atMost(Duration.ofSeconds(20)).until(
                () -> named(traceId, "crm demo-crm"), Optional::isPresent).get();
        assertEquals("crm-timeout", crm.path("attributes").path("cc.failure").asText());
        assertEquals("ERROR", crm.path("status").asText());
    }

    @Test
    void aCrmErrorIsNamedOnTheSourceSpan() {
        TaskScenario task = known();
        CrmControl.errorRate(1.0);
        String traceId = readInNewTrace(task);
        JsonNode crm = await().atMost(Duration.ofSeconds(20)).until(
                () -> named(traceId, "crm demo-crm"), Optional::isPresent).get();
        assertEquals("crm-error", crm.path("attributes").path("cc.failure").asText());
    }

    /** A task never reserved nor read, so the read calls the CRM rather than serving a prefetched context. */
    private TaskScenario known() {
        TaskScenario task = new TaskScenario();
        task.publish(task.created());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TaskRows.strings("SELECT task_sid FROM task WHERE task_sid = ?", task.taskSid).isEmpty());
        return task;
    }

    /** Reads the context under a fresh traceparent, so its spans can be found by trace id. */
    private String readInNewTrace(TaskScenario task) {
        String traceId = TaskScenario.hex(32);
        given().auth().oauth2(TaskScenario.role("supervisor"))
                .header("traceparent", "00-" + traceId + "-" + TaskScenario.hex(16) + "-01")
                .get("/v1/tasks/{taskSid}/context", task.taskSid).then().statusCode(200);
        return traceId;
    }

    private static Optional<JsonNode> span(String traceId, String kind) {
        return spans(traceId).stream().filter(s -> kind.equals(s.path("kind").asText())).findFirst();
    }

    private static Optional<JsonNode> named(String traceId, String name) {
        return spans(traceId).stream().filter(s -> name.equals(s.path("name").asText())).findFirst();
    }

    private static List<JsonNode> spans(String traceId) {
        return SpanFile.ofTrace(traceId);
    }
}
