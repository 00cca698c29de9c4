package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * What a capture refuses, and how: {@code validation-failed} (400) naming each bad member, {@code malformed-body}
 * (400) for a body that is not a JSON object, and nothing written either way.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ConsentValidationTest {
    @Test
    void aPhoneNumberAsCustomerKeyIsRefusedAsSuchAndNotEchoed() {
        for (String number : List.of("+12125550100", "12125550100", "+44 20 7946 0958", "(212) 555-0100",
                "tel:+12125550100", "ck_12125550100", "212.555.0100")) {
            String problem = invalid(withMember("customer_key", number))
                    .body("errors.field", contains("customer_key"))
                    .body("errors[0].message", startsWith("looks like a phone number"))
                    .extract().asString();
            assertThat(problem, not(containsString("5550100")));
            assertThat(problem, not(containsString("7946")));
        }
    }

    @Test
    void aCustomerKeyOfAnotherShapeIsRefused() {
        for (String key : List.of("customer-1", "ck_", "ck_a@b.example", "CK_abc", "ck_" + "a".repeat(65))) {
            invalid(withMember("customer_key", key)).body("errors.field", contains("customer_key"))
                    .body("errors[0].message", is("must be ck_ followed by 1 to 64 letters, digits, _ or -"));
        }
    }

    @Test
    void anUnknownMethodOrScopeIsRefusedNamingTheAllowedValues() {
        invalid(withMember("method", "telepathy")).body("errors.field", contains("method"))
                .body("errors[0].message", is("must be one of keypress, verbal, web-form"));
        invalid(withMember("scope", "marketing")).body("errors.field", contains("scope"))
                .body("errors[0].message", is("must be one of recording, transcription"));
        invalid(withMember("method", 3)).body("errors.field", contains("method"))
                .body("errors[0].message", is("must be a string"));
    }

    @Test
    void aMalformedInteractionIdIsRefused() {
        for (String id : List.of("IN123", "IN" + "A".repeat(32), Sids.next("WT"), "")) {
            invalid(withMember("interaction_id", id)).body("errors.field", contains("interaction_id"))
                    .body("errors[0].message", is("must be IN followed by 32 lower-case hex digits"));
        }
    }

    @Test
    void missingMembersAreEachNamed() {
        invalid(Map.of()).body("errors.field",
                containsInAnyOrder("interaction_id", "customer_key", "scope", "method", "granted"))
                .body("errors.message", org.hamcrest.Matchers.everyItem(is("missing")));
        Map<String, Object> withoutScope = valid();
        withoutScope.remove("scope");
        invalid(withoutScope).body("errors.field", contains("scope"));
        invalid(withMember("customer_key", null)).body("errors.field", contains("customer_key"));
    }

    @Test
    void consentNotGrantedIsRefusedPointingAtRevocation() {
        invalid(withMember("granted", false)).body("errors.field", contains("granted"))
                .body("errors[0].message", containsString("revoke it"));
        invalid(withMember("granted", "true")).body("errors.field", contains("granted"));
    }

    @Test
    void anUnknownMemberIsRefusedByName() {
        invalid(withMember("phone", "x")).body("errors.field", contains("phone"))
                .body("errors[0].message", is("unknown member"));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsMalformed() {
        for (String body : List.of("{not json", "[]", "\"consent\"")) {
            given().auth().oauth2(Consents.token("compliance")).contentType(ContentType.JSON).body(body)
                    .post("/v1/consents").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", is(Consents.PROBLEMS + "malformed-body"));
        }
    }

    @Test
    void aRefusedCaptureWritesNothing() throws Exception {
        String interaction = Sids.next("IN");
        Map<String, Object> body = Consents.body(interaction, "+12125550100", "recording", "keypress");
        invalid(body);
        // an agent refused for want of an assignment writes nothing either
        Consents.capture(Consents.agentToken("agent-" + interaction, Sids.next("WK")),
                Consents.body(interaction, Consents.customerKey(), "recording", "verbal")).statusCode(403);
        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE)) {
            assertEquals(0, count(db, "SELECT count(*) FROM consent_record WHERE interaction_id = ?", interaction));
            assertEquals(0, count(db, "SELECT count(*) FROM audit_entry WHERE interaction_id = ?", interaction));
            assertEquals(0, count(db, "SELECT count(*) FROM outbox_event WHERE event_key = ?", interaction));
        }
    }

    @Test
    void aRecordingDecisionRefusesAPhoneNumberAsCustomerKey() {
        Map<String, Object> body = new HashMap<>(Map.of("from", RecordingDecisionTest.NEW_YORK,
                "to", RecordingDecisionTest.SAN_FRANCISCO, "channel", "voice", "region", "us",
                "customer_key", "+14155552671"));
        String problem = given().auth().oauth2(Consents.token("admin")).contentType(ContentType.JSON).body(body)
                .post("/v1/recording-decisions").then().statusCode(400)
                .body("type", is(Consents.PROBLEMS + "validation-failed"))
                .body("errors.field", contains("customer_key")).extract().asString();
        assertThat(problem, not(containsString("4155552671")));
    }

    private static ValidatableResponse invalid(Map<String, Object> body) {
        return given().auth().oauth2(Consents.token("compliance")).contentType(ContentType.JSON)
                .body(new HashMap<>(body)).post("/v1/consents").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", is(Consents.PROBLEMS + "validation-failed"));
    }

    private static Map<String, Object> valid() {
        return Consents.body(Sids.next("IN"), Consents.customerKey(), "recording", "keypress");
    }

    private static Map<String, Object> withMember(String name, Object value) {
        Map<String, Object> body = valid();
        body.put(name, value);
        return body;
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
