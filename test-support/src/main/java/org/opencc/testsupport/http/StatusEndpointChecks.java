package org.opencc.testsupport.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;
import org.opencc.testsupport.jwt.JwtMinter;

/**
 * What every service's {@code GET /v1/status} must do, asserted against the service under test: the JWT and
 * problem+json paths of service-support, end to end in each service.
 */
public final class StatusEndpointChecks {
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEMS = "https://opencc.dev/problems/";

    private StatusEndpointChecks() {}

    /** No token: 401 problem+json of type unauthenticated. */
    public static void withoutTokenIsUnauthenticated() {
        given().get("/v1/status").then().statusCode(401).contentType(startsWith(PROBLEM_JSON))
                .body("status", is(401)).body("type", is(PROBLEMS + "unauthenticated"));
    }

    /** A token that is not signed by the configured key: 401 as well. */
    public static void forgedTokenIsUnauthenticated() {
        String forged = new JwtMinter(JwtMinter.generateKeys(), JwtMinter.DEV_ISSUER).token("intruder",
                List.of("admin"), null);
        given().auth().oauth2(forged).get("/v1/status").then().statusCode(401)
                .contentType(startsWith(PROBLEM_JSON)).body("type", is(PROBLEMS + "unauthenticated"));
    }

    /** An agent's token: 403 problem+json of type forbidden. */
    public static void agentIsForbidden() {
        given().auth().oauth2(token("agent", "WK" + hex())).get("/v1/status").then().statusCode(403)
                .contentType(startsWith(PROBLEM_JSON)).body("status", is(403)).body("type", is(PROBLEMS + "forbidden"));
    }

    /** An admin's token: 200 naming the service. */
    public static void adminSeesService(String service) {
        given().auth().oauth2(token("admin", null)).get("/v1/status").then().statusCode(200)
                .contentType(startsWith("application/json")).body("service", is(service))
                .body("stage", is("foundation"));
    }

    private static String token(String role, String workerSid) {
        return JwtMinter.shared().token(role + "-" + hex(), List.of(role), workerSid);
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
