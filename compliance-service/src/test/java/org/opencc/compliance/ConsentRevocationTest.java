package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * POST /v1/consents/{id}/revocation: a signed revocation, once; who may revoke; and what it does to recording
 * decisions for the customer taken after it (and not to those taken before).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ConsentRevocationTest {
    @Test
    void aRevocationIsASignedRecordThatVerifiesPublishedAndAudited() throws Exception {
        String interaction = Sids.next("IN");
        String customer = Consents.customerKey();
        String id = Consents.capture(Consents.token("compliance"),
                Consents.body(interaction, customer, "recording", "keypress")).statusCode(201)
                .extract().path("consent_id");
        String subject = "compliance-" + UUID.randomUUID();

        given().auth().oauth2(JwtMinter.shared().token(subject, List.of("compliance"), null))
                .contentType(ContentType.JSON).body(Map.of("method", "verbal"))
                .post("/v1/consents/{id}/revocation", id).then().statusCode(201)
                .body("consent_id", is(id)).body("granted", is(true))
                .body("revocation.method", is("verbal")).body("revocation.revoked_by", is(subject))
                .body("revocation.revoked_by_role", is("compliance"))
                .body("revocation.revoked_at", matchesPattern(".*\\.\\d{6}Z"))
                .body("revocation.policy_version", is("defaults-2026.1"))
                .body("revocation.signature.algorithm", is("Ed25519"))
                .body("revocation.signature.key_id", matchesPattern("[0-9a-f]{64}"));

        Consents.verify(id).statusCode(200).body("valid", is(true)).body("reason", nullValue())
                .body("revocation.valid", is(true)).body("revocation.reason", nullValue())
                .body("revocation.canonical_form", startsWith("consent-revocation/v1\nconsent_id=34:" + id + "\n"))
                .body("revocation.canonical_form", containsString("\nmethod=6:verbal\n"));

        ConsumerRecord<String, String> event = await().atMost(Consents.DEADLINE).until(() -> AuditEvents
                .firstWithKeyAndType(Topics.COMPLIANCE, interaction, "consent.revoked"), Optional::isPresent).get();
        JsonNode value = new ObjectMapper().readTree(event.value());
        assertEquals(id, value.path("consent_id").asText());
        assertEquals(customer, value.path("customer_key").asText());
        assertEquals("verbal", value.path("method").asText());
        given().auth().oauth2(Consents.token("admin")).queryParam("interaction_id", interaction).get("/v1/audit")
                .then().statusCode(200).body("entries.event_type", hasItem("consent.revoked"))
                .body("entries.find { it.event_type == 'consent.revoked' }.actor", is(subject))
                .body("entries.find { it.event_type == 'consent.revoked' }.subject", is(id));
        AuditChainTest.verify().body("valid", is(true));
    }

    @Test
    void revokingTwiceIsAConflict() {
        String id = Consents.captureRecording(Consents.customerKey());
        Consents.revoke(Consents.token("admin"), id).statusCode(201);
        Consents.revoke(Consents.token("compliance"), id).statusCode(409)
                .contentType(startsWith("application/problem+json")).body("type", is(Consents.PROBLEMS + "conflict"))
                .body("detail", startsWith("the consent was revoked already, at "));
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        for (String id : List.of(Sids.next("CN"), "CN123", "+12125550100")) {
            Consents.revoke(Consents.token("admin"), id).statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", is(Consents.PROBLEMS + "not-found"))
                    .body("detail", not(containsString("2125550100")));
            Consents.verify(id).statusCode(404).body("type", is(Consents.PROBLEMS + "not-found"));
            given().auth().oauth2(Consents.token("compliance")).get("/v1/consents/{id}", id).then().statusCode(404);
        }
    }

    @Test
    void anUnknownRevocationMethodIsRefused() {
        String id = Consents.captureRecording(Consents.customerKey());
        given().auth().oauth2(Consents.token("admin")).contentType(ContentType.JSON).body(Map.of("method", "smoke"))
                .post("/v1/consents/{id}/revocation", id).then().statusCode(400)
                .body("type", is(Consents.PROBLEMS + "validation-failed")).body("errors[0].field", is("method"));
        Consents.verify(id).body("revocation", nullValue());
    }

    @Test
    void theCapturingAgentMayRevokeAnotherAgentMayNot() {
        String interaction = Sids.next("IN");
        String worker = Sids.next("WK");
        Consents.assign(interaction, worker);
        String alice = Consents.agentToken("alice-" + UUID.randomUUID(), worker);
        String id = Consents.capture(alice, Consents.body(interaction, Consents.customerKey(), "recording", "verbal"))
                .statusCode(201).extract().path("consent_id");

        Consents.revoke(Consents.agentToken("bob-" + UUID.randomUUID(), worker), id).statusCode(403)
                .body("type", is(Consents.PROBLEMS + "forbidden"))
                .body("detail", is("an agent may revoke only a consent they captured; ask compliance"));
        Consents.revoke(Consents.token("supervisor"), id).statusCode(403);
        Consents.revoke(alice, id).statusCode(201).body("revocation.revoked_by_role", is("agent"))
                .body("revocation.worker_sid", is(worker));
    }

    @Test
    void aRevocationStopsRecordingOfLaterInteractionsAndLeavesEarlierDecisionsAsTheyWere() throws Exception {
        String customer = Consents.customerKey();
        String id = Consents.captureRecording(customer);
        String before = decide(customer).statusCode(201).body("record", is(true))
                .body("consent_required", is("all-party"))
                .body("reasons", hasItem(startsWith("customer: recording consent " + id + " captured at ")))
                .extract().path("decision_id");

        Consents.revoke(Consents.token("compliance"), id).statusCode(201);

        String after = decide(customer).statusCode(201).body("record", is(false))
                .body("consent_required", is("none")).body("announcement", nullValue())
                .body("reasons", hasItem(matchesPattern("customer: recording consent " + id + " was revoked at .*;"
                        + " later interactions are not recorded")))
                .body("reasons[-1]", is("not recorded")).extract().path("decision_id");
        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE)) {
            assertEquals(true, decision(db, before, "record"));
            assertEquals(false, decision(db, after, "record"));
            assertEquals(customer, decision(db, after, "customer_key"));
            assertEquals(id, decision(db, after, "consent_id"));
        }
        // a decision that does not name the customer cannot apply their consent
        RecordingDecisionTest.decide(RecordingDecisionTest.NEW_YORK, RecordingDecisionTest.SAN_FRANCISCO, "voice",
                "us").statusCode(201).body("record", is(true));
        // another customer is unaffected
        decide(Consents.customerKey()).statusCode(201).body("record", is(true))
                .body("reasons", hasItem("customer: no recording consent on record"));
    }

    @Test
    void aConsentCapturedAfterTheRevocationRestoresRecordingAndOtherScopesDoNotCount() {
        String customer = Consents.customerKey();
        String revoked = Consents.captureRecording(customer);
        Consents.revoke(Consents.token("admin"), revoked).statusCode(201);
        // a revoked transcription consent says nothing about recording, and vice versa
        String transcription = Consents.capture(Consents.token("admin"),
                Consents.body(Sids.next("IN"), customer, "transcription", "keypress")).statusCode(201)
                .extract().path("consent_id");
        decide(customer).body("record", is(false));

        String renewed = Consents.captureRecording(customer);
        Consents.revoke(Consents.token("admin"), transcription).statusCode(201);
        decide(customer).statusCode(201).body("record", is(true))
                .body("reasons", hasItem(startsWith("customer: recording consent " + renewed + " captured at ")));
    }

    private static ValidatableResponse decide(String customerKey) {
        return given().auth().oauth2(Consents.token("admin")).contentType(ContentType.JSON)
                .body(Map.of("from", RecordingDecisionTest.NEW_YORK, "to", RecordingDecisionTest.SAN_FRANCISCO,
                        "channel", "voice", "region", "us", "customer_key", customerKey))
                .post("/v1/recording-decisions").then();
    }

    private static Object decision(Connection db, String id, String column) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT " + column + " FROM recording_decision WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }
}
