package org.opencc.context;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class StatusResourceTest {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void statusWithoutTokenIsUnauthenticatedProblem() {
        given().get("/v1/status")
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", is(401))
                .body("type", is("https://opencc.dev/problems/unauthenticated"));
    }

    @Test
    void statusForAnAgentIsForbiddenProblem() {
        given().auth().oauth2(token("agent", "WK" + hex()))
                .get("/v1/status")
                .then().statusCode(403)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", is(403))
                .body("type", is("https://opencc.dev/problems/forbidden"));
    }

    @Test
    void statusForAnAdminNamesServiceStageAndNextStep() {
        given().auth().oauth2(token("admin", null))
                .get("/v1/status")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("service", is("agent-context"))
                .body("stage", is("foundation"))
                .body("next", not(emptyOrNullString()));
    }

    private static String token(String role, String workerSid) {
        return JwtMinter.shared().token(role + "-" + hex(), List.of(role), workerSid);
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
