package org.opencc.taskrouter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** A workflow dry run says where a task would go and why, and creates nothing. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class DryRunTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void dryRunNamesTheWorkerItWouldReserveAndWhyOthersAreExcludedWithoutCreatingATask() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        Worker skilled = fixtures.worker(setup, "skilled", "{\"skills\":[\"support\"]}", true);
        Worker sales = fixtures.worker(setup, "sales", "{\"skills\":[\"sales\"]}", true);
        Worker away = fixtures.worker(setup, "away", "{\"skills\":[\"support\"]}", false);

        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .contentType("application/x-www-form-urlencoded")
                .formParam("Attributes", "{\"channel\":\"sms\"}").formParam("TaskChannel", "sms")
                .post("/v1/Workspaces/" + setup.workspaceSid() + "/Workflows/" + setup.workflowSid() + "/DryRun")
                .then().statusCode(200)
                .body("matched_filter", is("Messaging"))
                .body("task_queue_sid", is(setup.queueSid()))
                .body("would_reserve", is(skilled.getSid()))
                .body("filters_tried.filter", hasItem("Messaging"))
                .body("workers.find { it.worker_sid == '" + sales.getSid() + "' }.excluded", is("NOT_IN_QUEUE"))
                .body("workers.find { it.worker_sid == '" + away.getSid() + "' }.excluded", is("UNAVAILABLE"));

        assertFalse(Task.reader(setup.workspaceSid()).read(fixtures.client).iterator().hasNext(),
                "a dry run creates no task");
        // and reserves nobody: the worker is still free for a real task
        Task real = Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"channel\":\"sms\"}").create(fixtures.client);
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .get("/v1/Workspaces/" + setup.workspaceSid() + "/Tasks/" + real.getSid() + "/Explanation")
                .then().statusCode(200).body("decisions[0].chosen_worker_sid", is(skilled.getSid()));
    }

    @Test
    void aTaskNoFilterMatchesWouldGoNowhereAndSaysSo() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        // supportSetup's workflow has a default filter: make one without
        String workflow = com.twilio.rest.taskrouter.v1.workspace.Workflow.creator(setup.workspaceSid(), "Strict",
                "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"VIP\",\"expression\":\"vip == true\","
                        + "\"targets\":[{\"queue\":\"" + setup.queueSid() + "\"}]}]}}").create(fixtures.client)
                .getSid();
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .contentType("application/x-www-form-urlencoded").formParam("Attributes", "{\"vip\":false}")
                .post("/v1/Workspaces/" + setup.workspaceSid() + "/Workflows/" + workflow + "/DryRun")
                .then().statusCode(200)
                .body("matched_filter", nullValue())
                .body("would_reserve", nullValue())
                .body("failure", containsString("no filter matched"));
    }

    @Test
    void badInputIsRefusedTheTwilioWay() {
        RouterFixtures fixtures = new RouterFixtures(base);
        RouterFixtures.Setup setup = fixtures.supportSetup();
        String path = "/v1/Workspaces/" + setup.workspaceSid() + "/Workflows/" + setup.workflowSid() + "/DryRun";
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .contentType("application/x-www-form-urlencoded").formParam("Attributes", "[1,2]").post(path)
                .then().statusCode(400).body("code", is(20001)).body("message", containsString("Attributes"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .contentType("application/x-www-form-urlencoded").formParam("Attributes", "{}")
                .formParam("TaskChannel", "fax").post(path)
                .then().statusCode(400).body("message", containsString("TaskChannel"));
        given().auth().preemptive().basic(RouterFixtures.ACCOUNT_SID, RouterFixtures.AUTH_TOKEN)
                .contentType("application/x-www-form-urlencoded").formParam("Attributes", "{}")
                .post("/v1/Workspaces/" + setup.workspaceSid() + "/Workflows/WW00000000000000000000000000000000/DryRun")
                .then().statusCode(404).body("code", is(20404));
    }
}
