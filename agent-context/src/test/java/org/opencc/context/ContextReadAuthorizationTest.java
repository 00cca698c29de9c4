package org.opencc.context;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.crm.DemoCrm;
import org.opencc.testsupport.http.StatusEndpointChecks;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** Who may read a task's context, and what the answer holds when the CRM is healthy. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(DemoCrmResource.class)
class ContextReadAuthorizationTest {
    private static final String PROBLEMS = StatusEndpointChecks.PROBLEMS;
    private static final String PROBLEM_JSON = StatusEndpointChecks.PROBLEM_JSON;

    private final String alice = Sids.next("WK");
    private final String bob = Sids.next("WK");
    private final String reservation = Sids.next("WR");

    @Test
    void theAgentHoldingThePendingReservationGetsTheCustomerProfile() {
        TaskScenario task = reservedToAlice();
        task.read(TaskScenario.agent(alice)).statusCode(200).contentType(startsWith("application/json"))
                .body("task_sid", is(task.taskSid))
                .body("interaction_id", is(task.interactionId))
                .body("customer.customer_key", is(task.customerKey))
                .body("customer.display_name", is(DemoCrm.profile(task.customerKey).get("display_name").asText()))
                .body("customer.tier", is(DemoCrm.profile(task.customerKey).get("tier").asText()))
                .body("sources", hasSize(1))
                .body("sources[0].name", is("demo-crm"))
                .body("sources[0].status", is("ok"))
                .body("sources[0].latency_ms", greaterThanOrEqualTo(0))
                .body("sources[0].detail", nullValue())
                .body("served_at", notNullValue());
    }

    @Test
    void theAgentStillReadsTheContextAfterAcceptingTheReservation() {
        TaskScenario task = reservedToAlice();
        task.publish(task.accepted(reservation, alice));
        await().atMost(Duration.ofSeconds(20)).until(() -> "accepted".equals(TaskRows.reservationStatus(reservation)));
        task.read(TaskScenario.agent(alice)).statusCode(200).body("sources[0].status", is("ok"));
    }

    @Test
    void anotherAgentIsRefusedBecauseTheTaskIsNotTheirs() {
        TaskScenario task = reservedToAlice();
        task.read(TaskScenario.agent(bob)).statusCode(403).contentType(startsWith(PROBLEM_JSON))
                .body("type", is(PROBLEMS + "not-your-task")).body("status", is(403));
    }

    @Test
    void anAgentTokenWithoutAWorkerIsRefused() {
        TaskScenario task = reservedToAlice();
        task.read(TaskScenario.role("agent")).statusCode(403).body("type", is(PROBLEMS + "not-your-task"));
    }

    @Test
    void aSupervisorAndAnAdminReadAnyTask() {
        TaskScenario task = reservedToAlice();
        task.read(TaskScenario.role("supervisor")).statusCode(200).body("customer.customer_key", is(task.customerKey));
        task.read(TaskScenario.role("admin")).statusCode(200).body("sources[0].status", is("ok"));
    }

    @Test
    void aComplianceOfficerIsForbidden() {
        TaskScenario task = reservedToAlice();
        task.read(TaskScenario.role("compliance")).statusCode(403).contentType(startsWith(PROBLEM_JSON))
                .body("type", is(PROBLEMS + "forbidden"));
    }

    @Test
    void aReadWithoutATokenIsUnauthenticated() {
        TaskScenario task = reservedToAlice();
        task.read(null).statusCode(401).contentType(startsWith(PROBLEM_JSON))
                .body("type", is(PROBLEMS + "unauthenticated"));
    }

    @Test
    void anUnknownTaskIsNotFound() {
        new TaskScenario().read(TaskScenario.role("supervisor")).statusCode(404)
                .contentType(startsWith(PROBLEM_JSON)).body("type", is(PROBLEMS + "not-found"));
    }

    @Test
    void aReadOfATaskNotYetSeenWaitsForItWithinTheBudget() throws Exception {
        TaskScenario task = new TaskScenario();
        // the read goes out first; task.created arrives while it waits (an agent desktop asking the moment a
        // reservation is offered, before this service has folded the event)
        CompletableFuture<io.restassured.response.Response> read = CompletableFuture.supplyAsync(() ->
                io.restassured.RestAssured.given().auth().oauth2(TaskScenario.role("supervisor"))
                        .queryParam("budget_ms", 2000).get("/v1/tasks/{taskSid}/context", task.taskSid));
        task.publish(task.created());
        io.restassured.response.Response response = read.get(30, TimeUnit.SECONDS);
        // found within the budget; what is left of it went to the sources (their answers may or may not be in)
        response.then().statusCode(200).body("task_sid", is(task.taskSid)).body("customer_key", is(task.customerKey));
    }

    @Test
    void aTaskStillUnseenAtTheBudgetIsNotFoundSayingWhy() {
        new TaskScenario().read(TaskScenario.role("supervisor")).statusCode(404)
                .body("detail", containsString("has not seen its task.created"));
    }

    @Test
    void aMalformedTaskSidIsAValidationProblemNamingTaskSid() {
        io.restassured.RestAssured.given().auth().oauth2(TaskScenario.role("supervisor"))
                .get("/v1/tasks/{taskSid}/context", "WT1234").then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", is(PROBLEMS + "validation-failed"))
                .body("errors[0].field", is("taskSid"));
    }

    @Test
    void afterTheTaskCompletesTheAgentIsRefused() {
        TaskScenario task = reservedToAlice();
        task.publish(task.accepted(reservation, alice), task.completed());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                task.read(TaskScenario.agent(alice)).statusCode(403).body("type", is(PROBLEMS + "not-your-task")));
        task.read(TaskScenario.role("supervisor")).statusCode(200);
    }

    /** A task with a pending reservation for alice, applied by the consumer. */
    private TaskScenario reservedToAlice() {
        TaskScenario task = new TaskScenario();
        task.publish(task.created(), task.reserved(reservation, alice));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                task.read(TaskScenario.agent(alice)).statusCode(200));
        return task;
    }
}
