package org.opencc.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
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
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** The per-worker live view: names, activities, and each worker's reserved and assigned tasks. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class WorkerLiveTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PROBLEMS = "https://opencc.dev/problems/";

    @TestHTTPResource("/v1/workers/live/stream")
    URI stream;

    @Test
    void aWorkerShowsItsNameActivityAndQueuesFromItsLatestUpdate() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(Tasks.worker(task.workerSid, task.workspaceSid, false));
        await().atMost(DEADLINE).until(() -> "Offline".equals(field(task, "activity_name")));

        publish(Tasks.worker(task.workerSid, task.workspaceSid, true, task.taskQueueSid));

        await().atMost(DEADLINE).until(() -> "Available".equals(field(task, "activity_name")));
        Map<String, Object> worker = worker(task.workspaceSid, task.workerSid);
        assertEquals("Agent " + task.workerSid.substring(2, 8), worker.get("friendly_name"));
        assertEquals(true, worker.get("available"));
        assertEquals(List.of(task.taskQueueSid), worker.get("task_queue_sids"));
        assertEquals(List.of(0, 0), tasks(task));
    }

    @Test
    void aWorkersTasksAreCountedReservedThenAssignedAndNoLongerOnceCompleted() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(Tasks.worker(task.workerSid, task.workspaceSid, true, task.taskQueueSid));
        publish(task.created());
        publish(task.entered(Instant.now()));
        publish(task.reserved());
        await().atMost(DEADLINE).until(() -> List.of(1, 0).equals(tasks(task)));

        publish(task.accepted());
        await().atMost(DEADLINE).until(() -> List.of(0, 1).equals(tasks(task)));

        publish(task.completed());
        await().atMost(DEADLINE).until(() -> List.of(0, 0).equals(tasks(task)));
    }

    @Test
    void aRejectedReservationLeavesTheWorkerWithNoTask() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(Tasks.worker(task.workerSid, task.workspaceSid, true, task.taskQueueSid));
        publish(task.created());
        publish(task.entered(Instant.now()));
        publish(task.reserved());
        await().atMost(DEADLINE).until(() -> List.of(1, 0).equals(tasks(task)));

        publish(task.rejected());

        await().atMost(DEADLINE).until(() -> List.of(0, 0).equals(tasks(task)));
    }

    @Test
    void theStreamSendsTheWorkersAtOnceAndAgainWhenOneChanges() throws Exception {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(Tasks.worker(task.workerSid, task.workspaceSid, true, task.taskQueueSid));
        await().atMost(DEADLINE).until(() -> "Available".equals(field(task, "activity_name")));

        try (SseEvents sse = SseEvents.open(URI.create(stream + "?workspace_sid=" + task.workspaceSid),
                token("supervisor"), "workers")) {
            assertEquals(200, sse.response.statusCode());
            JsonPath first = sse.events.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(first, "no workers event within the deadline");
            assertEquals("Available", first.getString("workers[0].activity_name"));

            publish(Tasks.worker(task.workerSid, task.workspaceSid, false));

            long deadline = System.nanoTime() + DEADLINE.toNanos();
            JsonPath changed;
            do {
                changed = sse.events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertNotNull(changed, "no workers event with the worker offline within the deadline");
            } while (!"Offline".equals(changed.getString("workers[0].activity_name")));
            assertTrue(changed.getLong("version") > first.getLong("version"));
            assertEquals(1, changed.getList("workers").size(), "only the workspace's worker is listed");
        }
    }

    @Test
    void agentsAreForbiddenAndAMalformedWorkspaceIsAValidationProblem() {
        given().auth().oauth2(token("agent")).get("/v1/workers/live").then().statusCode(403)
                .body("type", is(PROBLEMS + "forbidden"));
        given().get("/v1/workers/live").then().statusCode(401).body("type", is(PROBLEMS + "unauthenticated"));
        given().auth().oauth2(token("admin")).queryParam("workspace_sid", "WS123").get("/v1/workers/live").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", is(PROBLEMS + "validation-failed"))
                .body("errors[0].field", is("workspace_sid"));
    }

    private static Map<String, Object> worker(String workspaceSid, String workerSid) {
        return given().auth().oauth2(token("supervisor")).queryParam("workspace_sid", workspaceSid)
                .get("/v1/workers/live").then().statusCode(200).extract().jsonPath()
                .getMap("workers.find { it.worker_sid == '" + workerSid + "' }");
    }

    private static Object field(Tasks task, String name) {
        Map<String, Object> worker = worker(task.workspaceSid, task.workerSid);
        return worker == null ? null : worker.get(name);
    }

    /** [reserved, assigned] of the task's worker; null when the view does not list it. */
    private static List<Integer> tasks(Tasks task) {
        Map<String, Object> worker = worker(task.workspaceSid, task.workerSid);
        return worker == null ? null : List.of((Integer) worker.get("reserved"),
                (Integer) Objects.requireNonNull(worker.get("assigned")));
    }
}
