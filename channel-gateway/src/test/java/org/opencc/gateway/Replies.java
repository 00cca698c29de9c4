package org.opencc.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.opencc.testsupport.jwt.JwtMinter;

/** Conversations set up for replies, and replies as agents post them. */
public final class Replies {
    private Replies() {}

    /**
     * An interaction started by {@code customer} writing to {@code to} (both as Twilio sends them, optionally
     * {@code whatsapp:} prefixed), assigned to {@code workerSid} unless null.
     */
    public static String interaction(String customer, String to, String workerSid) {
        Numbers.map(to.replace("whatsapp:", ""));
        String messageSid = Webhooks.messageSid();
        Webhooks.postSigned(Webhooks.sms(messageSid, customer, to, "I need help")).then().statusCode(200);
        String interactionId = GatewayRows.interactionId(messageSid).orElseThrow();
        if (workerSid != null) {
            GatewayRows.assign(interactionId, workerSid);
        }
        return interactionId;
    }

    public static String agentToken(String workerSid) {
        return JwtMinter.shared().token("agent-" + workerSid, List.of("agent"), workerSid);
    }

    /** Posts a reply with the token; {@code idempotencyKey} may be null. */
    public static Response post(String token, String interactionId, String body, String idempotencyKey) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body == null ? "{}" : "{\"body\":\"" + body + "\"}");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/v1/interactions/" + interactionId + "/messages");
    }
}
