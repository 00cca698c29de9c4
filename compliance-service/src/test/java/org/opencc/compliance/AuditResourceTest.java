package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** GET /v1/audit: who may ask, and which questions are well formed. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class AuditResourceTest {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEMS = "https://opencc.dev/problems/";

    @Test
    void anIdWithNothingRecordedIsAnEmptyListForComplianceAndAdmin() {
        for (String role : List.of("compliance", "admin")) {
            given().auth().oauth2(token(role)).queryParam("interaction_id", Sids.next("IN")).get("/v1/audit")
                    .then().statusCode(200).contentType(startsWith("application/json"))
                    .body("entries", empty());
            given().auth().oauth2(token(role)).queryParam("task_sid", Sids.next("WT")).get("/v1/audit")
                    .then().statusCode(200).body("entries", empty());
        }
    }

    @Test
    void noFilterIsAValidationProblemNamingEveryFilter() {
        invalid(given().auth().oauth2(token("admin")).get("/v1/audit"))
                .body("errors.field", containsInAnyOrder("interaction_id", "task_sid", "actor"));
        // an empty parameter counts as absent
        invalid(given().auth().oauth2(token("admin")).queryParam("interaction_id", "").queryParam("actor", "")
                .get("/v1/audit")).body("errors.field", containsInAnyOrder("interaction_id", "task_sid", "actor"));
    }

    @Test
    void anActorNothingWasRecordedForIsAnEmptyListAloneOrWithAnId() {
        String actor = "agent-" + UUID.randomUUID();
        given().auth().oauth2(token("compliance")).queryParam("actor", actor).get("/v1/audit")
                .then().statusCode(200).body("entries", empty());
        given().auth().oauth2(token("admin")).queryParam("actor", actor).queryParam("task_sid", Sids.next("WT"))
                .get("/v1/audit").then().statusCode(200).body("entries", empty());
    }

    @Test
    void anOverlongActorOrOneWithControlCharactersIsAValidationProblemNamingIt() {
        for (String malformed : List.of("a".repeat(257), "alice\nbob", "tab\there")) {
            invalid(given().auth().oauth2(token("admin")).queryParam("actor", malformed).get("/v1/audit"))
                    .body("errors.field", contains("actor"));
        }
        // the longest accepted
        given().auth().oauth2(token("admin")).queryParam("actor", "a".repeat(256)).get("/v1/audit")
                .then().statusCode(200);
    }

    @Test
    void anActorDoesNotExcuseAMalformedId() {
        invalid(given().auth().oauth2(token("admin")).queryParam("actor", "alice").queryParam("task_sid", "WT1")
                .get("/v1/audit")).body("errors.field", contains("task_sid"));
        invalid(given().auth().oauth2(token("admin")).queryParam("actor", "alice")
                .queryParam("interaction_id", Sids.next("IN")).queryParam("task_sid", Sids.next("WT"))
                .get("/v1/audit")).body("errors.field", containsInAnyOrder("interaction_id", "task_sid"));
    }

    @Test
    void bothIdsAreAValidationProblemNamingBoth() {
        invalid(given().auth().oauth2(token("admin")).queryParam("interaction_id", Sids.next("IN"))
                .queryParam("task_sid", Sids.next("WT")).get("/v1/audit"))
                .body("errors.field", containsInAnyOrder("interaction_id", "task_sid"));
    }

    @Test
    void aMalformedInteractionIdIsAValidationProblemNamingIt() {
        for (String malformed : List.of("IN123", Sids.next("WT"), Sids.next("IN").toUpperCase(), "IN ")) {
            invalid(given().auth().oauth2(token("admin")).queryParam("interaction_id", malformed).get("/v1/audit"))
                    .body("errors.field", contains("interaction_id"));
        }
    }

    @Test
    void aMalformedTaskSidIsAValidationProblemNamingIt() {
        invalid(given().auth().oauth2(token("compliance")).queryParam("task_sid", "WT" + "z".repeat(32))
                .get("/v1/audit")).body("errors.field", contains("task_sid"));
    }

    @Test
    void aLimitOutsideOneToAThousandIsAValidationProblemNamingIt() {
        for (String limit : List.of("0", "1001", "-5", "ten")) {
            invalid(given().auth().oauth2(token("admin")).queryParam("task_sid", Sids.next("WT"))
                    .queryParam("limit", limit).get("/v1/audit")).body("errors.field", contains("limit"));
        }
        given().auth().oauth2(token("admin")).queryParam("task_sid", Sids.next("WT")).queryParam("limit", 1000)
                .get("/v1/audit").then().statusCode(200);
    }

    @Test
    void withoutATokenTheAuditIsAnUnauthenticatedProblem() {
        given().queryParam("interaction_id", Sids.next("IN")).get("/v1/audit").then().statusCode(401)
                .contentType(startsWith(PROBLEM_JSON)).body("type", is(PROBLEMS + "unauthenticated"));
    }

    @Test
    void agentsAndSupervisorsMayNotReadTheAudit() {
        for (String role : List.of("agent", "supervisor")) {
            given().auth().oauth2(token(role)).queryParam("interaction_id", Sids.next("IN")).get("/v1/audit")
                    .then().statusCode(403).contentType(startsWith(PROBLEM_JSON))
                    .body("type", is(PROBLEMS + "forbidden"));
        }
    }

    private static ValidatableResponse invalid(io.restassured.response.Response response) {
        return response.then().statusCode(400).contentType(startsWith(PROBLEM_JSON))
                .body("type", is(PROBLEMS + "validation-failed")).body("status", is(400));
    }

    private static String token(String role) {
        String workerSid = "agent".equals(role) ? Sids.next("WK") : null;
        return JwtMinter.shared().token(role + "-" + UUID.randomUUID(), List.of(role), workerSid);
    }
}
