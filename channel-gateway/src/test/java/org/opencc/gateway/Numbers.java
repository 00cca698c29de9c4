package org.opencc.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.opencc.testsupport.jwt.JwtMinter;

/** Number mappings and tokens for tests. */
public final class Numbers {
    private Numbers() {}

    /** A mapping's target, with fresh SIDs. */
    public record Target(String workspaceSid, String workflowSid, String region) {}

    public static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    public static String token(String role) {
        return JwtMinter.shared().token("test-" + role, List.of(role), null);
    }

    /** Maps {@code e164} to a fresh workspace and workflow through the numbers API. */
    public static Target map(String e164) {
        return map(e164, null);
    }

    /** Maps {@code e164} as {@link #map(String)} does, declaring {@code expectedQueueSid} (null: none). */
    public static Target map(String e164, String expectedQueueSid) {
        Target target = new Target(sid("WS"), sid("WW"), "us-east");
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body(body(target.workspaceSid(), target.workflowSid(), target.region(), expectedQueueSid))
                .urlEncodingEnabled(false)
                .put("/v1/numbers/%2B" + e164.substring(1))
                .then().statusCode(201);
        return target;
    }

    public static String body(String workspaceSid, String workflowSid, String region) {
        return body(workspaceSid, workflowSid, region, null);
    }

    public static String body(String workspaceSid, String workflowSid, String region, String expectedQueueSid) {
        return "{\"workspace_sid\":\"" + workspaceSid + "\",\"workflow_sid\":\"" + workflowSid + "\""
                + (region == null ? "" : ",\"region\":\"" + region + "\"")
                + (expectedQueueSid == null ? "" : ",\"expected_queue_sid\":\"" + expectedQueueSid + "\"") + "}";
    }
}
