package org.opencc.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.opencc.reporting.LiveEvents.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * The wallboard page is served without a token (it holds no data) and its settings only with one; the page's
 * behaviour in a browser is tested end to end in system-tests (WallboardBrowserTest).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class WallboardTest {
    private static final String PROBLEMS = "https://opencc.dev/problems/";

    @Test
    void thePageAndItsScriptAreServedWithoutAToken() {
        given().get("/wallboard/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<script src=\"wallboard.js\"></script>"));
        given().get("/wallboard/wallboard.js").then().statusCode(200)
                .body(containsString("/v1/queues/live/stream"));
    }

    @Test
    void theBarePathRedirectsToTheDirectorySoRelativeLinksResolve() {
        given().redirects().follow(false).get("/wallboard").then().statusCode(303)
                .header("Location", endsWith("/wallboard/"));
    }

    @Test
    void settingsCarryTheTargetsAndTheIntervalGrid() {
        given().auth().oauth2(token("supervisor")).get("/v1/wallboard/settings").then().statusCode(200)
                .body("service_level_target_percent", is(80.0f))
                .body("service_level_threshold_seconds", is(20))
                .body("queue_threshold_seconds.WQ5e1f0c0ffee0000000000000000000aa", is(30))
                .body("interval_seconds", is(900))
                .body("chart_seconds", is(4 * 3600));
    }

    @Test
    void settingsNeedASupervisorOrAnAdmin() {
        given().get("/v1/wallboard/settings").then().statusCode(401).body("type", is(PROBLEMS + "unauthenticated"));
        given().auth().oauth2(token("agent")).get("/v1/wallboard/settings").then().statusCode(403)
                .body("type", is(PROBLEMS + "forbidden"));
    }
}
