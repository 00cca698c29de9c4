package org.opencc.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencc.reporting.LiveEvents.counts;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.queue;
import static org.opencc.reporting.LiveEvents.sid;
import static org.opencc.reporting.LiveEvents.token;
import static org.opencc.reporting.LiveEvents.view;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class QueueLiveTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PROBLEMS = "https://opencc.dev/problems/";

    @Test
    void aTaskMovesFromPendingToReservedToAssignedInItsQueue() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));

        publish(task.created());
        publish(task.entered(Instant.now()));
        await().atMost(DEADLINE).until(() -> List.of(1, 0, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));

        publish(task.reserved());
        await().atMost(DEADLINE).until(() -> List.of(0, 1, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));

        publish(task.accepted());
        await().atMost(DEADLINE).until(() -> List.of(0, 0, 1).equals(counts(task.workspaceSid, task.taskQueueSid)));
        Map<String, Object> queue = queue(task.workspaceSid, task.taskQueueSid);
        assertEquals(task.workspaceSid, queue.get("workspace_sid"));
        assertEquals(0, queue.get("longest_waiting_seconds"));
        assertEquals(0, queue.get("available_workers"));
    }

    @Test
    void aReservedTaskStillWaitsButAnAssignedOneNoLonger() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(task.created());
        publish(task.entered(Instant.now().minus(Duration.ofMinutes(3))));
        publish(task.reserved());
        await().atMost(DEADLINE).until(() -> List.of(0, 1, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));
        int waited = (Integer) queue(task.workspaceSid, task.taskQueueSid).get("longest_waiting_seconds");
        assertEquals(true, waited >= 180 && waited < 260, "a ringing task is still waiting: " + waited);

        publish(task.accepted());
        await().atMost(DEADLINE).until(() -> List.of(0, 0, 1).equals(counts(task.workspaceSid, task.taskQueueSid)));
        assertEquals(0, queue(task.workspaceSid, task.taskQueueSid).get("longest_waiting_seconds"));
    }

    @Test
    void aRejectedReservationPutsTheTaskBackToPending() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));

        publish(task.created());
        publish(task.entered(Instant.now()));
        publish(task.reserved());
        await().atMost(DEADLINE).until(() -> List.of(0, 1, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));

        publish(task.rejected());

        await().atMost(DEADLINE).until(() -> List.of(1, 0, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));
    }

    @Test
    void theLongestWaitIsMeasuredFromTheOldestPendingTasksQueueEntry() {
        String workspace = sid("WS");
        String queue = sid("WQ");
        Tasks old = new Tasks(workspace, queue);
        Tasks recent = new Tasks(workspace, queue);

        publish(old.created());
        publish(old.entered(Instant.now().minus(Duration.ofMinutes(5))));
        publish(recent.created());
        publish(recent.entered(Instant.now()));

        await().atMost(DEADLINE).until(() -> List.of(2, 0, 0).equals(counts(workspace, queue)));
        int waited = (Integer) queue(workspace, queue).get("longest_waiting_seconds");
        assertEquals(true, waited >= 300 && waited < 400, "longest_waiting_seconds was " + waited);
    }

    @Test
    void availableWorkersCountsOnlyAvailableWorkersEligibleForTheQueue() {
        String workspace = sid("WS");
        String queue = sid("WQ");
        String otherQueue = sid("WQ");
        String sleepy = sid("WK");

        publish(Tasks.worker(sid("WK"), workspace, true, queue, otherQueue));
        publish(Tasks.worker(sleepy, workspace, false, queue));
        publish(Tasks.worker(sid("WK"), workspace, true, otherQueue));
        await().atMost(DEADLINE).until(() -> queue(workspace, otherQueue) != null
                && Integer.valueOf(2).equals(queue(workspace, otherQueue).get("available_workers")));
        Map<String, Object> row = queue(workspace, queue);
        assertEquals(1, row.get("available_workers"));
        assertEquals(List.of(0, 0, 0), counts(workspace, queue));

        publish(Tasks.worker(sleepy, workspace, true, queue));
        await().atMost(DEADLINE).until(() -> Integer.valueOf(2).equals(queue(workspace, queue).get("available_workers")));
    }

    @Test
    void aRedeliveredEventChangesNeitherTheCountsNorTheVersion() throws Exception {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(task.created());
        publish(task.entered(Instant.now()));
        String reservedId = publish(task.reserved());
        await().atMost(DEADLINE).until(() -> List.of(0, 1, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));
        publish(task.rejected());
        await().atMost(DEADLINE).until(() -> List.of(1, 0, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));
        long version = view(task.workspaceSid).getLong("version");

        // the reservation again, as after a consumer crash before its offset commit; then a repeat of task.created
        // under a new id (no effect) after it on the same partition: once that is processed, so is the redelivery
        publish(task.reserved(), reservedId, null);
        String marker = publish(task.created());
        await().atMost(DEADLINE).until(() -> LiveEvents.processed(marker));

        assertEquals(List.of(1, 0, 0), counts(task.workspaceSid, task.taskQueueSid));
        assertEquals(version, view(task.workspaceSid).getLong("version"));
    }

    @Test
    void aCompletedTaskIsCountedNowhere() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(task.created());
        publish(task.entered(Instant.now()));
        publish(task.reserved());
        publish(task.accepted());
        await().atMost(DEADLINE).until(() -> List.of(0, 0, 1).equals(counts(task.workspaceSid, task.taskQueueSid)));

        publish(task.completed());

        await().atMost(DEADLINE).until(() -> List.of(0, 0, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));
    }

    @Test
    void aReservationForAnUnknownTaskStillCountsItInTheReservationsQueue() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));

        publish(task.reserved());

        await().atMost(DEADLINE).until(() -> List.of(0, 1, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));
    }

    @Test
    void theWorkspaceFilterListsOnlyThatWorkspacesQueues() {
        Tasks mine = new Tasks(sid("WS"), sid("WQ"));
        Tasks theirs = new Tasks(sid("WS"), sid("WQ"));
        publish(mine.created());
        publish(mine.entered(Instant.now()));
        publish(theirs.created());
        publish(theirs.entered(Instant.now()));
        await().atMost(DEADLINE).until(() -> counts(mine.workspaceSid, mine.taskQueueSid) != null
                && counts(theirs.workspaceSid, theirs.taskQueueSid) != null);

        given().auth().oauth2(token("admin")).queryParam("workspace_sid", mine.workspaceSid)
                .get("/v1/queues/live")
                .then().statusCode(200)
                .body("queues.task_queue_sid", contains(mine.taskQueueSid))
                .body("queues.workspace_sid", everyItem(is(mine.workspaceSid)))
                .body("version", greaterThan(0))
                .body("as_of", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"))
                .body("queues[0].updated_at", notNullValue());
        given().auth().oauth2(token("admin")).get("/v1/queues/live")
                .then().statusCode(200)
                .body("queues.task_queue_sid", hasItems(mine.taskQueueSid, theirs.taskQueueSid));
    }

    @Test
    void aMalformedWorkspaceSidIsAValidationProblemNamingIt() {
        given().auth().oauth2(token("supervisor")).queryParam("workspace_sid", "WS123")
                .get("/v1/queues/live")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", is(PROBLEMS + "validation-failed"))
                .body("errors[0].field", is("workspace_sid"));
    }

    @Test
    void withoutATokenTheViewIsAnUnauthenticatedProblem() {
        given().get("/v1/queues/live")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("type", is(PROBLEMS + "unauthenticated"));
        given().get("/v1/queues/live/stream")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void agentsAndComplianceOfficersAreForbidden() {
        for (String role : List.of("agent", "compliance")) {
            given().auth().oauth2(token(role)).get("/v1/queues/live")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"))
                    .body("type", is(PROBLEMS + "forbidden"));
            given().auth().oauth2(token(role)).get("/v1/queues/live/stream")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
    }
}
