package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
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
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.tracing.SpanFile;

/**
 * POST /v1/consents: a signed record that verifies, also with the published key and nothing but the JDK; its event
 * and audit entry; who may capture where.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ConsentCaptureTest {
    @Test
    void aCaptureAnswersTheSignedRecordAndItVerifies() {
        String interaction = Sids.next("IN");
        String customer = Consents.customerKey();
        String subject = "compliance-" + UUID.randomUUID();
        String token = JwtMinter.shared().token(subject, List.of("compliance"), null);

        ExtractableResponse<Response> created = Consents
                .capture(token, Consents.body(interaction, customer, "recording", "keypress"))
                .statusCode(201).contentType(startsWith("application/json"))
                .body("consent_id", matchesPattern("CN[0-9a-f]{32}"))
                .body("interaction_id", is(interaction)).body("customer_key", is(customer))
                .body("scope", is("recording")).body("method", is("keypress")).body("granted", is(true))
                .body("captured_by", is(subject)).body("captured_by_role", is("compliance"))
                .body("worker_sid", nullValue())
                .body("captured_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"))
                .body("policy_version", is("defaults-2026.1"))
                .body("signature.algorithm", is("Ed25519")).body("signature.key_id", matchesPattern("[0-9a-f]{64}"))
                .body("signature.value", matchesPattern("[A-Za-z0-9+/]{86}==")).body("revocation", nullValue())
                .extract();
        String id = created.path("consent_id");
        assertThat(created.header("Location"), endsWith("/v1/consents/" + id));

        Consents.verify(id).statusCode(200).body("consent_id", is(id)).body("valid", is(true))
                .body("reason", nullValue()).body("algorithm", is("Ed25519"))
                .body("canonical_form", startsWith("consent-record/v1\nconsent_id=34:" + id + "\n"))
                .body("revocation", nullValue());
        given().auth().oauth2(Consents.token("admin")).get("/v1/consents/{id}", id).then().statusCode(200)
                .body("consent_id", is(id)).body("customer_key", is(customer)).body("revocation", nullValue());
    }

    @Test
    void theSignatureVerifiesWithThePublishedKeyUsingOnlyTheJdk() throws Exception {
        Map<String, Object> record = Consents.capture(Consents.token("admin"),
                Consents.body(Sids.next("IN"), Consents.customerKey(), "transcription", "web-form"))
                .statusCode(201).extract().as(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, String> signature = (Map<String, String>) record.get("signature");

        // a third party: fetch the keys (no token needed), pick the one the record names, check the signature
        List<Map<String, Object>> keys = given().get("/v1/consents/keys").then().statusCode(200)
                .extract().path("keys");
        Map<String, Object> key = keys.stream().filter(k -> signature.get("key_id").equals(k.get("key_id")))
                .findFirst().orElseThrow();
        assertEquals("Ed25519", key.get("algorithm"));
        assertEquals(true, key.get("current"));
        byte[] der = Base64.getDecoder().decode((String) key.get("public_key"));
        assertEquals(signature.get("key_id"),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        assertTrue(((String) key.get("public_key_pem")).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));

        String canonical = Consents.documentedCanonicalForm(record);
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(publicKey);
        ed25519.update(canonical.getBytes(StandardCharsets.UTF_8));
        assertTrue(ed25519.verify(Base64.getDecoder().decode(signature.get("value"))), canonical);
        // and it is the form the service recomputes from the stored row
        Consents.verify((String) record.get("consent_id")).body("canonical_form", is(canonical));

        // a changed member does not verify
        ed25519.initVerify(publicKey);
        ed25519.update(canonical.replace("web-form", "keypress").getBytes(StandardCharsets.UTF_8));
        assertFalse(ed25519.verify(Base64.getDecoder().decode(signature.get("value"))));
    }

    @Test
    void aCaptureIsPublishedAuditedAndTracedUnderTheComplianceStage() throws Exception {
        String interaction = Sids.next("IN");
        String customer = Consents.customerKey();
        String subject = "admin-" + UUID.randomUUID();
        String traceparent = SpanFile.newTraceparent();
        String id = given().auth().oauth2(JwtMinter.shared().token(subject, List.of("admin"), null))
                .header("traceparent", traceparent).contentType(ContentType.JSON)
                .body(Consents.body(interaction, customer, "recording", "verbal")).post("/v1/consents").then()
                .statusCode(201).extract().path("consent_id");

        ConsumerRecord<String, String> event = await().atMost(Consents.DEADLINE).until(() -> AuditEvents
                .firstWithKeyAndType(Topics.COMPLIANCE, interaction, "consent.captured"), Optional::isPresent).get();
        assertEquals(id, AuditEvents.header(event, "ce_subject"));
        JsonNode value = new ObjectMapper().readTree(event.value());
        assertEquals(id, value.path("consent_id").asText());
        assertEquals(customer, value.path("customer_key").asText());
        assertEquals("recording", value.path("scope").asText());
        assertEquals("verbal", value.path("method").asText());
        assertEquals("admin", value.path("captured_by_role").asText());
        assertFalse(event.value().contains(subject), "who captured it is for the audit trail, not the topic");

        given().auth().oauth2(Consents.token("compliance")).queryParam("interaction_id", interaction)
                .get("/v1/audit").then().statusCode(200)
                .body("entries.event_type", hasItem("consent.captured"))
                .body("entries.find { it.event_type == 'consent.captured' }.actor", is(subject))
                .body("entries.find { it.event_type == 'consent.captured' }.actor_role", is("admin"))
                .body("entries.find { it.event_type == 'consent.captured' }.subject", is(id))
                .body("entries.find { it.event_type == 'consent.captured' }.event_id",
                        is(AuditEvents.header(event, "ce_id")))
                .body("entries.find { it.event_type == 'consent.captured' }.detail.consent_id", is(id))
                .body("entries.find { it.event_type == 'consent.captured' }.detail.customer_key", is(customer));
        AuditChainTest.verify().body("valid", is(true));

        JsonNode span = await().atMost(Consents.DEADLINE).until(() -> SpanFile.ofTrace(SpanFile.traceId(traceparent))
                .stream().filter(s -> "ConsentService.capture".equals(s.path("name").asText())).findFirst(),
                Optional::isPresent).get();
        assertTrue(SpanFile.hasAttribute(span, "cc.stage", "compliance"), span.toString());
        assertTrue(SpanFile.hasAttribute(span, "cc.interaction_id", interaction), span.toString());
    }

    @Test
    void anAgentCapturesOnlyInAnInteractionAssignedToTheirWorker() {
        String interaction = Sids.next("IN");
        String worker = Sids.next("WK");
        Consents.assign(interaction, worker);
        Map<String, Object> body = Consents.body(interaction, Consents.customerKey(), "recording", "verbal");

        Consents.capture(Consents.agentToken("alice-" + UUID.randomUUID(), worker), body).statusCode(201)
                .body("captured_by_role", is("agent")).body("worker_sid", is(worker));
        // another worker's agent
        Consents.capture(Consents.agentToken("bob-" + UUID.randomUUID(), Sids.next("WK")), body).statusCode(403)
                .contentType(startsWith("application/problem+json")).body("type", is(Consents.PROBLEMS + "forbidden"))
                .body("detail", startsWith("an agent captures consent only in an interaction assigned"));
        // an agent's token without its worker
        Consents.capture(Consents.agentToken("carol-" + UUID.randomUUID(), null), body).statusCode(403)
                .body("type", is(Consents.PROBLEMS + "forbidden")).body("detail", is(
                        "an agent's token must name its worker (worker_sid)"));
    }

    @Test
    void callersWithoutARoleForItAreForbiddenAndAnonymousOnesUnauthenticated() {
        String id = Consents.captureRecording(Consents.customerKey());
        Map<String, Object> body = Consents.body(Sids.next("IN"), Consents.customerKey(), "recording", "keypress");

        Consents.capture(Consents.token("supervisor"), body).statusCode(403)
                .body("type", is(Consents.PROBLEMS + "forbidden"));
        String agent = Consents.agentToken("agent-" + UUID.randomUUID(), Sids.next("WK"));
        for (String path : List.of("/v1/consents/{id}", "/v1/consents/{id}/verification")) {
            given().auth().oauth2(agent).get(path, id).then().statusCode(403)
                    .body("type", is(Consents.PROBLEMS + "forbidden"));
            given().get(path, id).then().statusCode(401).contentType(startsWith("application/problem+json"))
                    .body("type", is(Consents.PROBLEMS + "unauthenticated"));
        }
        given().contentType(ContentType.JSON).body(body).post("/v1/consents").then().statusCode(401)
                .body("type", is(Consents.PROBLEMS + "unauthenticated"));
        given().post("/v1/consents/{id}/revocation", id).then().statusCode(401);
        // the public keys are public
        given().get("/v1/consents/keys").then().statusCode(200).body("keys.size()", not(is(0)));
        assertNotNull(id);
    }
}
