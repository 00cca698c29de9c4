package org.opencc.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.sid;
import static org.opencc.reporting.LiveEvents.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** The per-workflow live view: a workflow's tasks across the queues it routed them to. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class WorkflowLiveTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TestHTTPResource("/v1/workflows/live/stream")
    URI stream;

    @Test
    void aWorkflowCountsItsTasksAcrossQueuesWithTheLongestWait() {
        String workspace = sid("WS");
        Tasks billing = new Tasks(workspace, sid("WQ"));
        Tasks sales = new Tasks(workspace, sid("WQ"));
        sales.workflowSid = billing.workflowSid;
        publish(billing.created());
        publish(billing.entered(Instant.now().minus(Duration.ofMinutes(2))));
        publish(sales.created());
        publish(sales.entered(Instant.now()));
        publish(sales.reserved());

        await().atMost(DEADLINE).until(() -> List.of(1, 1, 0).equals(counts(workspace, billing.workflowSid)));
        int waited = (Integer) workflow(workspace, billing.workflowSid).get("longest_waiting_seconds");
        assertTrue(waited >= 120 && waited < 200, "longest_waiting_seconds was " + waited);

        publish(sales.accepted());
        publish(billing.completed());
        await().atMost(DEADLINE).until(() -> List.of(0, 0, 1).equals(counts(workspace, billing.workflowSid)));
    }

    @Test
    void theStreamSendsWorkflowEvents() throws Exception {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(task.created());
        publish(task.entered(Instant.now()));
        await().atMost(DEADLINE).until(() -> List.of(1, 0, 0).equals(counts(task.workspaceSid, task.workflowSid)));

        try (SseEvents sse = SseEvents.open(URI.create(stream + "?workspace_sid=" + task.workspaceSid),
                token("supervisor"), "workflows")) {
            JsonPath first = sse.events.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(first, "no workflows event within the deadline");
            assertEquals(task.workflowSid, first.getString("workflows[0].workflow_sid"));
            assertEquals(1, first.getInt("workflows[0].pending"));
        }
    }

    @Test
    void agentsAreForbiddenAndAMalformedWorkspaceIsAValidationProblem() {
        given().auth().oauth2(token("agent")).get("/v1/workflows/live").then().statusCode(403);
        given().auth().oauth2(token("admin")).queryParam("workspace_sid", "nope").get("/v1/workflows/live").then()
                .statusCode(400).body("errors[0].field", is("workspace_sid"));
    }

    private static Map<String, Object> workflow(String workspaceSid, String workflowSid) {
        return given().auth().oauth2(token("supervisor")).queryParam("workspace_sid", workspaceSid)
                .get("/v1/workflows/live").then().statusCode(200).extract().jsonPath()
                .getMap("workflows.find { it.workflow_sid == '" + workflowSid + "' }");
    }

    private static List<Integer> counts(String workspaceSid, String workflowSid) {
        Map<String, Object> workflow = workflow(workspaceSid, workflowSid);
        return workflow == null ? null : List.of((Integer) workflow.get("pending"), (Integer) workflow.get("reserved"),
                (Integer) workflow.get("assigned"));
    }
}
