package org.opencc.compliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencc.compliance.AuditEvents.Envelope;
import org.opencc.contracts.interaction.InteractionAssigned;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtMinter;

/** Calls of the consent API, tokens, fresh ids, and assignments as the gateway announces them. */
final class Consents {
    static final String PROBLEMS = "https://opencc.dev/problems/";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Consents() {}

    /** A token of the role with a fresh subject (no worker). */
    static String token(String role) {
        return JwtMinter.shared().token(role + "-" + UUID.randomUUID(), List.of(role), null);
    }

    /** An agent's token: the subject and the worker it acts for (null: none). */
    static String agentToken(String subject, String workerSid) {
        return JwtMinter.shared().token(subject, List.of("agent"), workerSid);
    }

    /** A fresh pseudonymous key shaped like the gateway's (ck_ + 32 hex). */
    static String customerKey() {
        return "ck_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A valid capture body for the interaction and customer. */
    static Map<String, Object> body(String interactionId, String customerKey, String scope, String method) {
        Map<String, Object> body = new HashMap<>();
        body.put("interaction_id", interactionId);
        body.put("customer_key", customerKey);
        body.put("scope", scope);
        body.put("method", method);
        body.put("granted", true);
        return body;
    }

    static ValidatableResponse capture(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/consents").then();
    }

    /** Captures a recording consent as compliance; answers the consent id. */
    static String captureRecording(String customerKey) {
        return capture(token("compliance"), body(Sids.next("IN"), customerKey, "recording", "keypress"))
                .statusCode(201).extract().path("consent_id");
    }

    /** Revokes with no body. */
    static ValidatableResponse revoke(String token, String consentId) {
        return given().auth().oauth2(token).post("/v1/consents/{id}/revocation", consentId).then();
    }

    static ValidatableResponse verify(String consentId) {
        return given().auth().oauth2(token(Math.random() < 0.5 ? "admin" : "compliance"))
                .get("/v1/consents/{id}/verification", consentId).then();
    }

    /**
     * Announces that the interaction was assigned to the worker, as the gateway does on cc.interactions.v1, and
     * waits until the audit trail holds it (what an agent's capture is checked against).
     */
    static void assign(String interactionId, String workerSid) {
        AuditEvents.publish(Envelope.of(new InteractionAssigned(interactionId, Sids.next("WT"), workerSid,
                Instant.now()), AuditEvents.GATEWAY, AuditEvents.newTraceparent()));
        await().atMost(DEADLINE).until(() -> given().auth().oauth2(token("compliance"))
                .queryParam("interaction_id", interactionId).get("/v1/audit").then().statusCode(200).extract()
                .<List<String>>path("entries.event_type").contains("interaction.assigned"));
    }

    /**
     * The canonical form of a record as README "Consent records" documents it, built from the capture's answer
     * independently of the service's code: what a third party would write.
     */
    static String documentedCanonicalForm(Map<String, Object> record) {
        @SuppressWarnings("unchecked")
        Map<String, Object> signature = (Map<String, Object>) record.get("signature");
        return "consent-record/v1\n"
                + line("consent_id", record.get("consent_id"))
                + line("interaction_id", record.get("interaction_id"))
                + line("customer_key", record.get("customer_key"))
                + line("scope", record.get("scope"))
                + line("method", record.get("method"))
                + line("granted", record.get("granted"))
                + line("captured_by", record.get("captured_by"))
                + line("captured_by_role", record.get("captured_by_role"))
                + line("worker_sid", record.get("worker_sid"))
                + line("captured_at", record.get("captured_at"))
                + line("policy_version", record.get("policy_version"))
                + line("algorithm", signature.get("algorithm"))
                + line("key_id", signature.get("key_id"));
    }

    private static String line(String name, Object value) {
        if (value == null) {
            return name + "=~\n";
        }
        String text = value.toString();
        return name + "=" + text.getBytes(StandardCharsets.UTF_8).length + ":" + text + "\n";
    }
}
