package org.opencc.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class NumbersApiTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(Numbers.token("admin")).contentType(ContentType.JSON).urlEncodingEnabled(false);
    }

    @Test
    void anAdminCreatesReplacesReadsListsAndDeletesAMapping() {
        String e164 = Webhooks.phoneNumber();
        String workspace = Numbers.sid("WS");
        String workflow = Numbers.sid("WW");

        admin().body(Numbers.body(workspace, workflow, "eu-west")).put("/v1/numbers/" + e164)
                .then().statusCode(201)
                .body("e164", is(e164), "workspace_sid", is(workspace), "workflow_sid", is(workflow),
                        "region", is("eu-west"), "date_created", notNullValue(), "date_updated", notNullValue());

        String otherWorkflow = Numbers.sid("WW");
        admin().body(Numbers.body(workspace, otherWorkflow, null)).put("/v1/numbers/" + e164)
                .then().statusCode(200)
                .body("workflow_sid", is(otherWorkflow), "region", is("us-east"));

        admin().get("/v1/numbers/" + e164).then().statusCode(200).body("workflow_sid", is(otherWorkflow));
        admin().get("/v1/numbers").then().statusCode(200).body("numbers.e164", hasItem(e164));

        admin().delete("/v1/numbers/" + e164).then().statusCode(204);
        admin().get("/v1/numbers/" + e164).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        admin().delete("/v1/numbers/" + e164).then().statusCode(404);
        admin().get("/v1/numbers").then().body("numbers.e164", not(hasItem(e164)));
    }

    @Test
    void aPlusEncodedAsPercent2BNamesTheSameNumber() {
        String e164 = Webhooks.phoneNumber();
        String encoded = "%2B" + e164.substring(1);

        admin().body(Numbers.body(Numbers.sid("WS"), Numbers.sid("WW"), null)).put("/v1/numbers/" + encoded)
                .then().statusCode(201).body("e164", is(e164));
        admin().get("/v1/numbers/" + e164).then().statusCode(200).body("e164", is(e164));
        admin().get("/v1/numbers/" + encoded).then().statusCode(200).body("e164", is(e164));
    }

    @Test
    void badSidsAndRegionAreRejectedNamingEachField() {
        admin().body(Numbers.body("WSnothex", "WW" + "0".repeat(31), "EU WEST"))
                .put("/v1/numbers/" + Webhooks.phoneNumber())
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/validation-failed"),
                        "errors.field", hasItem("workspace_sid"), "errors.field", hasItem("workflow_sid"),
                        "errors.field", hasItem("region"));
    }

    @Test
    void aMappingMayDeclareTheQueueItsInteractionsAreExpectedIn() {
        String e164 = Webhooks.phoneNumber();
        String workspace = Numbers.sid("WS");
        String workflow = Numbers.sid("WW");
        String queue = Numbers.sid("WQ");

        admin().body(Numbers.body(workspace, workflow, null, queue)).put("/v1/numbers/" + e164)
                .then().statusCode(201).body("expected_queue_sid", is(queue));
        admin().get("/v1/numbers/" + e164).then().statusCode(200).body("expected_queue_sid", is(queue));

        // replacing the mapping without it removes it
        admin().body(Numbers.body(workspace, workflow, null)).put("/v1/numbers/" + e164)
                .then().statusCode(200).body("expected_queue_sid", nullValue());
        admin().get("/v1/numbers/" + e164).then().statusCode(200).body("expected_queue_sid", nullValue());
    }

    @Test
    void aMappingWithoutAnExpectedQueueHasNone() {
        String e164 = Webhooks.phoneNumber();

        admin().body(Numbers.body(Numbers.sid("WS"), Numbers.sid("WW"), null)).put("/v1/numbers/" + e164)
                .then().statusCode(201).body("expected_queue_sid", nullValue());
        admin().get("/v1/numbers/" + e164).then().statusCode(200).body("expected_queue_sid", nullValue());
    }

    @Test
    void anExpectedQueueThatIsNoQueueSidIsRejected() {
        String e164 = Webhooks.phoneNumber();

        admin().body(Numbers.body(Numbers.sid("WS"), Numbers.sid("WW"), null, Numbers.sid("WW")))
                .put("/v1/numbers/" + e164)
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/validation-failed"), "errors[0].field", is("expected_queue_sid"));
        admin().body(Numbers.body(Numbers.sid("WS"), Numbers.sid("WW"), null, "WQ" + "A".repeat(32)))
                .put("/v1/numbers/" + e164)
                .then().statusCode(400).body("errors[0].field", is("expected_queue_sid"));
        admin().get("/v1/numbers/" + e164).then().statusCode(404);
    }

    @Test
    void aPathThatIsNoE164NumberIsRejected() {
        admin().body(Numbers.body(Numbers.sid("WS"), Numbers.sid("WW"), null)).put("/v1/numbers/5550100")
                .then().statusCode(400).body("errors.field", hasItem("e164"));
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        given().get("/v1/numbers").then().statusCode(401).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/unauthenticated"));
    }

    @Test
    void anAgentMayNotMapNumbers() {
        given().auth().oauth2(Numbers.token("agent")).contentType(ContentType.JSON)
                .body(Numbers.body(Numbers.sid("WS"), Numbers.sid("WW"), null))
                .put("/v1/numbers/" + Webhooks.phoneNumber())
                .then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/forbidden"));
    }
}
