package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.support.privacy.CustomerKeyRule;
import org.opencc.testsupport.erasure.ErasureRequests;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Erasure requests: identifiers become customer keys (never stored or published), every service is asked, the
 * request is complete when all five answered, stragglers are asked again, duplicates are one request.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ErasureRequestTest {
    private static final String PATH = "/v1/erasure-requests";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** %test.cc.pseudonym-secret, as the gateway's tests use it. */
    private static final CustomerKeyRule KEYS = new CustomerKeyRule("test-pseudonym-secret-not-secret");
    private static final List<String> OTHERS = List.of("channel-gateway", "task-router", "agent-context",
            "reporting-service");

    @Test
    void aRequestIsPublishedAsKeysAndCompleteWhenEveryServiceAnswered() {
        String phone = phone();
        String email = "Ada." + UUID.randomUUID() + "@Example.com";
        String key = Consents.customerKey();
        String id = post(Consents.token("compliance"), "{\"phone_numbers\":[\"" + phone + "\"],\"emails\":[\"" + email
                + "\"],\"customer_keys\":[\"" + key + "\"]}").statusCode(201)
                .header("Location", containsString("/v1/erasure-requests/ER"))
                .body("status", is("pending"))
                .body("customers", is(3))
                .body("attempts", is(1))
                .body("services.service", hasItem("channel-gateway"))
                .body("services.status", everyItem(is("pending")))
                .extract().path("request_id");

        // the service itself answers through its own erasure listener
        await().atMost(WITHIN).untilAsserted(() -> get(id).statusCode(200)
                .body("services.find { it.service == 'compliance-service' }.status", is("done")));
        List<String> published = ErasureRequests.awaitPublished(id, WITHIN);
        assertThat(published, hasItem(KEYS.of(phone)));
        assertThat(published, hasItem(KEYS.of(email.toLowerCase())));
        assertThat(published, hasItem(key));

        OTHERS.forEach(service -> ErasureRequests.answer(id, service, 2));
        await().atMost(WITHIN).untilAsserted(() -> get(id).statusCode(200)
                .body("status", is("complete"))
                .body("completed_at", notNullValue())
                .body("services.status", everyItem(is("done")))
                .body("services.find { it.service == 'channel-gateway' }.records", is(2)));
        String body = get(id).extract().asString();
        assertThat("no identifier in the request's record", body, not(containsString(phone.substring(1))));
        assertThat(body, not(containsString(email.toLowerCase())));
    }

    @Test
    void theSameCustomersAskedAgainAreTheSameRequest() {
        String phone = phone();
        String key = Consents.customerKey();
        String id = post(Consents.token("admin"), "{\"phone_numbers\":[\"" + phone + "\"],\"customer_keys\":[\"" + key
                + "\"]}").statusCode(201).extract().path("request_id");
        // another order, and the number written with spaces: the same customers
        String spaced = phone.substring(0, 2) + " " + phone.substring(2, 5) + " " + phone.substring(5);
        post(Consents.token("compliance"), "{\"customer_keys\":[\"" + key + "\"],\"phone_numbers\":[\"" + spaced
                + "\"]}").statusCode(200).body("request_id", is(id));
    }

    @Test
    void aServiceThatDoesNotAnswerIsAskedAgain() {
        String id = post(Consents.token("compliance"), "{\"customer_keys\":[\"" + Consents.customerKey() + "\"]}")
                .statusCode(201).extract().path("request_id");
        await().atMost(WITHIN).untilAsserted(() -> get(id).statusCode(200).body("attempts",
                greaterThanOrEqualTo(2)).body("status", is("pending")));
        assertThat(ErasureRequests.awaitAttempts(id, 2, WITHIN), greaterThanOrEqualTo(2));
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldWithoutEchoingTheValue() {
        String token = Consents.token("compliance");
        invalid(post(token, "{}"), "phone_numbers");
        invalid(post(token, "{\"phone_numbers\":[\"555-0100 call me\"]}"), "phone_numbers[0]")
                .body("detail", not(containsString("call me")));
        invalid(post(token, "{\"emails\":[\"not-an-address\"]}"), "emails[0]");
        invalid(post(token, "{\"customer_keys\":[\"+14155550100\"]}"), "customer_keys[0]");
        StringBuilder many = new StringBuilder("{\"customer_keys\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(Consents.customerKey()).append('"');
        }
        invalid(post(token, many.append("]}").toString()), "phone_numbers").body("detail", containsString("100"));
        get("ER0123456789abcdef0123456789abcdef").statusCode(404);
        post(Consents.token("agent"), "{\"customer_keys\":[\"ck_1\"]}").statusCode(403);
        post(Consents.token("supervisor"), "{\"customer_keys\":[\"ck_1\"]}").statusCode(403);
        given().contentType(ContentType.JSON).body("{\"customer_keys\":[\"ck_1\"]}").post(PATH).then()
                .statusCode(401);
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
    }

    private static ValidatableResponse post(String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post(PATH).then();
    }

    private static ValidatableResponse get(String id) {
        return given().auth().oauth2(Consents.token("compliance")).get(PATH + "/" + id).then();
    }

    private static String phone() {
        return "+1415" + (2_000_000 + (int) (Math.random() * 7_999_999));
    }

}
