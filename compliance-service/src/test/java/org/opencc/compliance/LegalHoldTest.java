package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Legal holds: placed on a customer or an interaction by compliance or an admin, listed, read, released once,
 * audited; bad bodies are refused naming the member.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class LegalHoldTest {
    private static final String PATH = "/v1/legal-holds";

    @Test
    void holdsOnACustomerAndOnAnInteractionArePlacedListedAndRead() {
        String subject = "counsel-" + UUID.randomUUID();
        String key = Consents.customerKey();
        String interactionId = Sids.next("IN");
        ExtractableResponse<Response> created = place(token(subject, "compliance"), Map.of("customer_key", key,
                "reason", "matter 2026-17: litigation hold")).statusCode(201)
                .body("hold_id", startsWith("LH"))
                .body("customer_key", is(key))
                .body("interaction_id", nullValue())
                .body("reason", is("matter 2026-17: litigation hold"))
                .body("created_by", is(subject))
                .body("created_at", notNullValue())
                .body("released_at", nullValue())
                .body("released_by", nullValue())
                .body("active", is(true))
                .extract();
        String onCustomer = created.path("hold_id");
        assertThat(Sids.isValid("LH", onCustomer), is(true));
        assertThat(created.header("Location"), endsWith("/v1/legal-holds/" + onCustomer));
        String onInteraction = place(Consents.token("admin"), Map.of("interaction_id", interactionId, "reason",
                "regulator inquiry")).statusCode(201)
                .body("customer_key", nullValue())
                .body("interaction_id", is(interactionId))
                .extract().path("hold_id");

        get(onCustomer).statusCode(200).body("customer_key", is(key)).body("created_by", is(subject));
        get(onInteraction).statusCode(200).body("interaction_id", is(interactionId)).body("active", is(true));
        list("").statusCode(200).body("holds.hold_id", hasItems(onCustomer, onInteraction));
        list("?active=true").statusCode(200).body("holds.hold_id", hasItems(onCustomer, onInteraction))
                .body("holds.active", not(hasItem(false)));
    }

    @Test
    void aReleasedHoldIsNoLongerActiveAndCannotBeReleasedAgain() {
        String subject = "counsel-" + UUID.randomUUID();
        String id = place(Consents.token("compliance"), Map.of("customer_key", Consents.customerKey(), "reason",
                "matter closed soon")).statusCode(201).extract().path("hold_id");

        release(token(subject, "admin"), id).statusCode(200)
                .body("hold_id", is(id))
                .body("active", is(false))
                .body("released_by", is(subject))
                .body("released_at", notNullValue());
        get(id).statusCode(200).body("active", is(false)).body("released_by", is(subject));
        list("?active=true").statusCode(200).body("holds.hold_id", not(hasItem(id)));
        list("?active=false").statusCode(200).body("holds.hold_id", hasItem(id))
                .body("holds.active", not(hasItem(true)));

        release(Consents.token("compliance"), id).statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", is(Consents.PROBLEMS + "conflict"))
                .body("detail", containsString("released already"));
    }

    @Test
    void placingAndReleasingAreAuditedWithoutTheReason() {
        String subject = "counsel-" + UUID.randomUUID();
        String interactionId = Sids.next("IN");
        String id = place(token(subject, "compliance"), Map.of("interaction_id", interactionId, "reason",
                "Ada Lovelace v. Example Corp")).statusCode(201).extract().path("hold_id");
        release(token(subject, "compliance"), id).statusCode(200);

        String body = given().auth().oauth2(Consents.token("compliance")).queryParam("interaction_id", interactionId)
                .get("/v1/audit").then().statusCode(200)
                .body("entries.event_type", is(List.of("legal-hold.placed", "legal-hold.released")))
                .body("entries.subject", is(List.of(id, id)))
                .body("entries.actor", is(List.of(subject, subject)))
                .body("entries.actor_role", is(List.of("compliance", "compliance")))
                .body("entries.topic", is(List.of("none", "none")))
                .body("entries[0].detail.hold_id", is(id))
                .body("entries[0].detail.interaction_id", is(interactionId))
                .extract().asString();
        assertThat("the free-text reason stays out of the audit trail", body, not(containsString("Lovelace")));
        given().auth().oauth2(Consents.token("admin")).get("/v1/audit/verify").then().statusCode(200)
                .body("valid", is(true));
    }

    @Test
    void badBodiesAreRefusedNamingTheField() {
        String token = Consents.token("compliance");
        invalid(place(token, Map.of("reason", "no subject")), "customer_key");
        invalid(place(token, Map.of("customer_key", Consents.customerKey(), "interaction_id", Sids.next("IN"),
                "reason", "both")), "interaction_id");
        invalid(place(token, Map.of("customer_key", Consents.customerKey())), "reason");
        invalid(place(token, Map.of("customer_key", Consents.customerKey(), "reason", "  ")), "reason");
        invalid(place(token, Map.of("customer_key", Consents.customerKey(), "reason", "x".repeat(501))), "reason")
                .body("detail", containsString("500"));
        invalid(place(token, Map.of("customer_key", "+1 415 555 0100", "reason", "a number")), "customer_key")
                .body("detail", not(containsString("555")));
        invalid(place(token, Map.of("customer_key", "alice", "reason", "not a key")), "customer_key");
        invalid(place(token, Map.of("interaction_id", "IN123", "reason", "short id")), "interaction_id");
        invalid(place(token, Map.of("interaction_id", 42, "reason", "a number")), "interaction_id");
        invalid(place(token, Map.of("customer_key", Consents.customerKey(), "reason", "x", "phone",
                "+14155550100")), "phone");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{not json").post(PATH).then()
                .statusCode(400).body("type", is(Consents.PROBLEMS + "malformed-body"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("[]").post(PATH).then()
                .statusCode(400).body("type", is(Consents.PROBLEMS + "malformed-body"));
        invalid(list("?active=yes"), "active");
        // a reason of exactly 500 characters is accepted
        place(token, Map.of("customer_key", Consents.customerKey(), "reason", "x".repeat(500))).statusCode(201);
    }

    @Test
    void onlyComplianceAndAdminMayUseHoldsAndUnknownHoldsAreNotFound() {
        Map<String, Object> body = Map.of("customer_key", Consents.customerKey(), "reason", "r");
        String id = place(Consents.token("compliance"), body).statusCode(201).extract().path("hold_id");
        for (String role : List.of("agent", "supervisor")) {
            String token = Consents.token(role);
            place(token, body).statusCode(403);
            given().auth().oauth2(token).get(PATH).then().statusCode(403);
            given().auth().oauth2(token).get(PATH + "/" + id).then().statusCode(403);
            release(token, id).statusCode(403);
        }
        given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(401);
        get(id).statusCode(200).body("active", is(true));

        String unknown = Sids.next("LH");
        get(unknown).statusCode(404).body("type", is(Consents.PROBLEMS + "not-found"));
        release(Consents.token("admin"), unknown).statusCode(404);
        get("not-a-hold").statusCode(404);
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", is(Consents.PROBLEMS + "validation-failed"))
                .body("errors.field", hasItem(field));
    }

    private static String token(String subject, String role) {
        return JwtMinter.shared().token(subject, List.of(role), null);
    }

    static ValidatableResponse place(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    static ValidatableResponse release(String token, String id) {
        return given().auth().oauth2(token).post(PATH + "/" + id + "/release").then();
    }

    private static ValidatableResponse get(String id) {
        return given().auth().oauth2(Consents.token("compliance")).get(PATH + "/" + id).then();
    }

    private static ValidatableResponse list(String query) {
        return given().auth().oauth2(Consents.token("admin")).get(PATH + query).then();
    }
}
