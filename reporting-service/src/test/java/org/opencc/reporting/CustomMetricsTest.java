package org.opencc.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.sid;
import static org.opencc.reporting.LiveEvents.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * The README's worked examples (configured in the test profile) against hand-computed values. Each test's events
 * fall in one 15-minute interval of 2020 picked at random, so its range holds its events only.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class CustomMetricsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PROBLEMS = "https://opencc.dev/problems/";

    @Test
    void aCountAndARatioByHandWithARedeliveryAndALateEvent() {
        Instant t = randomInterval();
        String ws = sid("WS");
        String a = task(ws, "{\"intent\":\"refund\"}", t.plusSeconds(60));
        String b = task(ws, "{\"intent\":\"refund\"}", t.plusSeconds(120));
        String c = task(ws, "{\"intent\":\"refund\"}", t.plusSeconds(180));
        String d = task(ws, "{\"intent\":\"billing\"}", t.plusSeconds(240));
        String savedA = UUID.randomUUID().toString();
        LiveEvents.publish(completed(a, ws, "saved", t.plusSeconds(300)), savedA, null);
        publish(completed(b, ws, "cancelled", t.plusSeconds(360)));
        publish(completed(d, ws, "saved", t.plusSeconds(420)));
        LiveEvents.publish(completed(a, ws, "saved", t.plusSeconds(300)), savedA, null); // redelivered

        // by hand: 3 refund tasks opened (d is billing); of the 2 refund tasks closed, 1 saved: 50 %
        await().atMost(DEADLINE).until(() -> row(t, "refund-save-rate") != null
                && Long.valueOf(2).equals(((Number) row(t, "refund-save-rate").get("denominator")).longValue()));
        assertEquals(3.0, number(row(t, "refund-requests"), "value"));
        assertEquals(3L, (long) number(row(t, "refund-requests"), "count"));
        Map<String, Object> rate = row(t, "refund-save-rate");
        assertEquals(1L, (long) number(rate, "numerator"));
        assertEquals(50.0, number(rate, "value"));

        // c closes saved at t+8m, but the event arrives last: the interval is corrected to 2 of 3 = 66.67 %
        publish(completed(c, ws, "saved", t.plusSeconds(480)));
        await().atMost(DEADLINE).until(() -> number(row(t, "refund-save-rate"), "denominator") == 3.0);
        assertEquals(2.0, number(row(t, "refund-save-rate"), "numerator"));
        assertEquals(66.67, number(row(t, "refund-save-rate"), "value"), 0.001);
    }

    @Test
    void aDurationByHandCountsEachTaskOnceFromItsFirstMatchingStart() {
        Instant t = randomInterval();
        String ws = sid("WS");
        String f1 = task(ws, "{\"type\":\"fraud\"}", t.plusSeconds(60));
        String f2 = task(ws, "{\"type\":\"fraud\"}", t.plusSeconds(120));
        String other = task(ws, "{\"type\":\"billing\"}", t);
        publish(completed(f1, ws, "closed", t.plusSeconds(660)));
        publish(completed(f2, ws, "closed", t.plusSeconds(300)));
        publish(completed(other, ws, "closed", t.plusSeconds(60)));
        publish(completed(f1, ws, "closed again", t.plusSeconds(720))); // a second end: not counted again

        // by hand: f1 600 s, f2 180 s; billing excluded: 2 tasks, mean 390 s
        await().atMost(DEADLINE).until(() -> row(t, "fraud-escalation-closure") != null
                && number(row(t, "fraud-escalation-closure"), "count") == 2.0);
        assertEquals(390.0, number(row(t, "fraud-escalation-closure"), "value"));
        JsonPath report = report(t, "fraud-escalation-closure");
        assertEquals("duration", report.getString("metrics[0].kind"));
        assertEquals(1, report.getList("rows").size(), "only the one interval with an end in it");
    }

    @Test
    void aRatioWithNothingBelowTheLineHasNoValueAndAnUnknownNameIsAProblem() {
        Instant t = randomInterval();
        String ws = sid("WS");
        task(ws, "{\"intent\":\"refund\"}", t.plusSeconds(10));
        await().atMost(DEADLINE).until(() -> row(t, "refund-requests") != null);
        assertNull(row(t, "refund-save-rate"), "no refund task closed: no row");

        given().auth().oauth2(token("supervisor")).queryParam("from", t.toString())
                .queryParam("to", t.plusSeconds(900).toString()).queryParam("name", "nps")
                .get("/v1/metrics/custom").then().statusCode(400)
                .body("type", is(PROBLEMS + "validation-failed")).body("errors[0].field", is("name"));
        given().auth().oauth2(token("agent")).queryParam("from", t.toString())
                .queryParam("to", t.plusSeconds(900).toString()).get("/v1/metrics/custom").then().statusCode(403);
    }

    private static String task(String ws, String attributes, Instant at) {
        String taskSid = sid("WT");
        publish(new TaskCreated(taskSid, ws, sid("WW"), sid("IN"), "default", 0, attributes, at));
        return taskSid;
    }

    private static TaskCompleted completed(String taskSid, String ws, String reason, Instant at) {
        return new TaskCompleted(taskSid, ws, sid("WQ"), null, reason, at);
    }

    private static Instant randomInterval() {
        return Instant.parse("2020-01-01T00:00:00Z").plusSeconds(900L * ThreadLocalRandom.current().nextInt(30_000));
    }

    private static JsonPath report(Instant t, String name) {
        return given().auth().oauth2(token("supervisor")).queryParam("from", t.toString())
                .queryParam("to", t.plusSeconds(900).toString()).queryParam("name", name)
                .get("/v1/metrics/custom").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(Instant t, String name) {
        return report(t, name).getMap("rows.find { it.metric == '" + name + "' }");
    }

    private static double number(Map<String, Object> row, String member) {
        Object value = row == null ? null : row.get(member);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
