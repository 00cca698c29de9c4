package org.opencc.taskrouter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** Bad input on TaskRouter paths gets Twilio's error JSON, and changes nothing. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class TaskRouterErrorsTest {
    private static final String UNKNOWN_WS = "WS00000000000000000000000000000000";

    @TestHTTPResource("/")
    URL base;

    @Test
    void unknownSidIsA404WithTwilioErrorMembers() {
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .get("/v1/Workspaces/" + UNKNOWN_WS + "/Workers")
                .then().statusCode(404).contentType("application/json")
                .body("code", is(20404))
                .body("status", is(404))
                .body("message", containsString(UNKNOWN_WS))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/20404"));
        ApiException e = assertThrows(ApiException.class, () -> Workspace.fetcher(UNKNOWN_WS)
                .fetch(new RouterFixtures(base).client));
        assertEquals(20404, e.getCode());
        assertEquals(404, e.getStatusCode());
    }

    @Test
    void missingOrWrongCredentialsAreA401WithCode20003() {
        given().get("/v1/Workspaces").then().statusCode(401).body("code", is(20003))
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, "wrong").get("/v1/Workspaces")
                .then().statusCode(401).body("code", is(20003));
    }

    @Test
    void missingRequiredParameterIsA400NamingIt() {
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .contentType("application/x-www-form-urlencoded").formParam("EventsFilter", "x")
                .post("/v1/Workspaces")
                .then().statusCode(400).body("code", is(20001))
                .body("message", containsString("FriendlyName"));
    }

    @Test
    void invalidWorkflowConfigurationIsA400NamingTheWrongPart() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .contentType("application/x-www-form-urlencoded").formParam("FriendlyName", "broken")
                .formParam("Configuration", "{\"task_routing\":{\"filters\":[{\"expression\":\"channel ==\","
                        + "\"targets\":[{\"queue\":\"" + setup.queueSid() + "\"}]}]}}")
                .post("/v1/Workspaces/" + setup.workspaceSid() + "/Workflows")
                .then().statusCode(400).body("code", is(20001))
                .body("message", containsString("filters[0].expression"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .contentType("application/x-www-form-urlencoded").formParam("FriendlyName", "unknown-queue")
                .formParam("Configuration", "{\"task_routing\":{\"default_filter\":{\"queue\":\""
                        + "WQ00000000000000000000000000000000\"}}}")
                .post("/v1/Workspaces/" + setup.workspaceSid() + "/Workflows")
                .then().statusCode(400).body("message", containsString("does not exist"));
    }

    @Test
    void attributesThatAreNotJsonAreRefused() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        ApiException e = assertThrows(ApiException.class, () -> Worker.creator(setup.workspaceSid(), "bad")
                .setAttributes("{not json").create(fixtures.client));
        assertEquals(400, e.getStatusCode());
        assertEquals(0, countWorkers(fixtures, setup), "nothing half-written");
    }

    @Test
    void acceptingAReservationThatIsNotPendingIsRefusedAndChangesNothing() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker alice = fixtures.worker(setup, "alice", "{\"skills\":[\"support\"]}", true);
        Task task = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);
        Reservation reservation = Reservation.reader(setup.workspaceSid(), alice.getSid()).read(fixtures.client)
                .iterator().next();
        Reservation.updater(setup.workspaceSid(), alice.getSid(), reservation.getSid())
                .setReservationStatus(Reservation.Status.REJECTED).update(fixtures.client);

        ApiException e = assertThrows(ApiException.class, () -> Reservation.updater(setup.workspaceSid(),
                alice.getSid(), reservation.getSid()).setReservationStatus(Reservation.Status.ACCEPTED)
                .update(fixtures.client));
        assertEquals(409, e.getStatusCode());
        assertEquals(Reservation.Status.REJECTED, Reservation.fetcher(setup.workspaceSid(), alice.getSid(),
                reservation.getSid()).fetch(fixtures.client).getReservationStatus());
        assertEquals(Task.Status.PENDING, Task.fetcher(setup.workspaceSid(), task.getSid()).fetch(fixtures.client)
                .getAssignmentStatus(), "the rejected task waits for another worker, not for alice");
    }

    private static int countWorkers(RouterFixtures fixtures, RouterFixtures.Setup setup) {
        int n = 0;
        for (Worker ignored : Worker.reader(setup.workspaceSid()).read(fixtures.client)) {
            n++;
        }
        return n;
    }
}
