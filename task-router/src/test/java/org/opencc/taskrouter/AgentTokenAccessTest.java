package org.opencc.taskrouter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** Agent desktops use their JWT on TaskRouter paths, for their own worker and nothing else. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class AgentTokenAccessTest {
    @TestHTTPResource("/")
    URL base;

    private RouterFixtures fixtures;
    private RouterFixtures.Setup setup;
    private Worker alice;
    private Worker bob;
    private Reservation aliceReservation;

    @BeforeEach
    void aliceHasAPendingReservation() {
        fixtures = new RouterFixtures(base);
        setup = fixtures.supportSetup();
        alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        bob = fixtures.worker(setup, "bob", "{\"skills\":[\"support\"]}", false);
        Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"chat\"}").create(fixtures.client);
        aliceReservation = Reservation.reader(setup.workspaceSid(), alice.getSid()).read(fixtures.client)
                .iterator().next();
    }

    @Test
    void anAgentReadsAndAcceptsItsOwnReservation() {
        String reservation = workerPath(alice) + "/Reservations/" + aliceReservation.getSid();
        as(agent(alice)).get(workerPath(alice) + "/Reservations")
                .then().statusCode(200).body("reservations[0].sid", equalTo(aliceReservation.getSid()));
        as(agent(alice)).get(reservation).then().statusCode(200).body("reservation_status", equalTo("pending"));
        as(agent(alice)).formParam("ReservationStatus", "accepted").post(reservation)
                .then().statusCode(200).body("reservation_status", equalTo("accepted"));
        as(agent(alice)).get(workerPath(alice)).then().statusCode(200).body("sid", equalTo(alice.getSid()));
    }

    @Test
    void anAgentCannotTouchAnotherWorkersReservations() {
        String reservation = workerPath(alice) + "/Reservations/" + aliceReservation.getSid();
        as(agent(bob)).get(reservation).then().statusCode(403).body("code", is(20403))
                .body("message", containsString(bob.getSid()));
        as(agent(bob)).formParam("ReservationStatus", "accepted").post(reservation)
                .then().statusCode(403).body("code", is(20403));
        as(agent(bob)).get(workerPath(alice)).then().statusCode(403).body("code", is(20403));
        as(admin()).get(reservation).then().statusCode(200).body("reservation_status", equalTo("pending"));
    }

    @Test
    void anAgentChangesItsActivityButNothingElseOnItsWorker() {
        String offline = Activity.reader(setup.workspaceSid()).setFriendlyName("Offline").read(fixtures.client)
                .iterator().next().getSid();
        as(agent(alice)).formParam("ActivitySid", offline).post(workerPath(alice))
                .then().statusCode(200).body("activity_sid", equalTo(offline)).body("available", is(false));
        as(agent(alice)).formParam("Attributes", "{\"skills\":[\"sales\"]}").post(workerPath(alice))
                .then().statusCode(403).body("code", is(20403)).body("message", containsString("Attributes"));
        as(agent(alice)).formParam("ActivitySid", setup.availableActivitySid()).formParam("FriendlyName", "eve")
                .post(workerPath(alice)).then().statusCode(403).body("code", is(20403));
        // the refused updates changed nothing
        as(admin()).get(workerPath(alice)).then().statusCode(200).body("friendly_name", equalTo("alice"))
                .body("activity_sid", equalTo(offline)).body("attributes", containsString("support"));
    }

    @Test
    void anAgentCannotListWorkersOrReadTheWorkspace() {
        as(agent(alice)).get("/v1/Workspaces/" + setup.workspaceSid() + "/Workers")
                .then().statusCode(403).body("code", is(20403)).body("status", is(403));
        as(agent(alice)).get("/v1/Workspaces").then().statusCode(403).body("code", is(20403));
        as(agent(alice)).get("/v1/Workspaces/" + setup.workspaceSid() + "/Tasks")
                .then().statusCode(403).body("code", is(20403));
        as(agent(alice)).get(workerPath(alice) + "/../../Workers").then().statusCode(403);
    }

    @Test
    void anAdminTokenMayDoWhatTheAccountMayDo() {
        as(admin()).get("/v1/Workspaces").then().statusCode(200);
        as(admin()).get("/v1/Workspaces/" + setup.workspaceSid() + "/Workers").then().statusCode(200);
    }

    @Test
    void aSupervisorTokenReadsEverythingAndChangesNothing() {
        String supervisor = JwtMinter.shared().token("sam", List.of("supervisor"), null);
        as(supervisor).get("/v1/Workspaces").then().statusCode(200);
        as(supervisor).get("/v1/Workspaces/" + setup.workspaceSid() + "/Tasks").then().statusCode(200);
        as(supervisor).get("/v1/Workspaces/" + setup.workspaceSid() + "/TaskQueues/Statistics").then()
                .statusCode(200);
        as(supervisor).contentType("application/x-www-form-urlencoded").formParam("ActivitySid", "WA" + "0".repeat(32))
                .post(workerPath(alice)).then().statusCode(403).body("code", is(20403))
                .body("message", containsString("may only read"));
    }

    @Test
    void tokensWithoutAgentAdminOrSupervisorRoleAreForbidden() {
        String compliance = JwtMinter.shared().token("cora", List.of("compliance"), null);
        as(compliance).get("/v1/Workspaces").then().statusCode(403).body("code", is(20403));
        String agentWithoutWorker = JwtMinter.shared().token("nobody", List.of("agent"), null);
        as(agentWithoutWorker).get(workerPath(alice)).then().statusCode(403).body("code", is(20403));
    }

    @Test
    void forgedOrExpiredTokensAreA401WithCode20003() {
        String forged = new JwtMinter(JwtMinter.generateKeys(), JwtMinter.DEV_ISSUER)
                .token("mallory", List.of("admin"), null);
        as(forged).get("/v1/Workspaces").then().statusCode(401).body("code", is(20003));
        // beyond the verifier's clock skew allowance
        String expired = JwtMinter.shared().token("alice", List.of("agent"),
                Map.of("worker_sid", alice.getSid()), Duration.ofMinutes(-10));
        as(expired).get(workerPath(alice)).then().statusCode(401).body("code", is(20003));
        as("not-a-jwt").get("/v1/Workspaces").then().statusCode(401).body("code", is(20003));
    }

    private String workerPath(Worker worker) {
        return "/v1/Workspaces/" + setup.workspaceSid() + "/Workers/" + worker.getSid();
    }

    private static String agent(Worker worker) {
        return JwtMinter.shared().token(worker.getFriendlyName(), List.of("agent"), worker.getSid());
    }

    private static String admin() {
        return JwtMinter.shared().token("root", List.of("admin"), null);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
