package org.opencc.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.sid;
import static org.opencc.reporting.LiveEvents.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Exports of raw events and interval rows, as CSV and JSON Lines. Each test's events happen at a random minute of
 * 2020, so the range it exports holds its events only.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ExportTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEMS = "https://opencc.dev/problems/";

    @Test
    void eventsAsCsvHaveTheDocumentedHeaderAndOneQuotedRowPerEvent() {
        Instant minute = randomMinute();
        Tasks task = publishLifecycle(minute);
        await().atMost(DEADLINE).until(() -> lines(export("events", minute, "csv")).size() == 4);

        Response csv = export("events", minute, "csv");
        csv.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", is("attachment; filename=\"events.csv\""));
        List<String> lines = lines(csv);
        assertEquals("event_id,type,topic,occurred_at,received_at,interaction_id,task_sid,worker_sid,trace_id,data",
                lines.get(0));
        String created = lines.stream().filter(l -> l.contains(",task.created,")).findFirst().orElseThrow();
        assertTrue(created.contains(",cc.tasks.v1," + minute + ","), created);
        // the JSON data holds commas and quotes: quoted, with quotes doubled
        assertTrue(created.contains(",\"{\"\"") && created.contains("\"\"task_sid\"\":\"\"" + task.taskSid + "\"\""),
                created);
    }

    @Test
    void eventsAsJsonLinesAreOneObjectPerLineWithTheEventAsData() throws Exception {
        Instant minute = randomMinute();
        Tasks task = publishLifecycle(minute);
        await().atMost(DEADLINE).until(() -> lines(export("events", minute, "jsonl")).size() == 3);

        Response jsonl = export("events", minute, "jsonl");
        jsonl.then().statusCode(200).contentType(startsWith("application/jsonl"));
        List<String> types = new ArrayList<>();
        for (String line : lines(jsonl)) {
            JsonNode event = JSON.readTree(line);
            types.add(event.path("type").asText());
            assertEquals(task.taskSid, event.path("data").path("task_sid").asText());
            assertEquals(task.interactionId, event.path("interaction_id").asText());
        }
        assertEquals(List.of("task.created", "task-queue.entered", "reservation.accepted"), types);
    }

    @Test
    void intervalRowsExportAsTheApiAnswersThem() throws Exception {
        Instant minute = randomMinute();
        Tasks task = publishLifecycle(minute);
        Instant from = minute.minus(Duration.ofDays(1));
        Instant to = minute.plus(Duration.ofDays(1));
        await().atMost(DEADLINE).until(() -> lines(intervals(from, to, "jsonl", task.taskQueueSid)).size() == 1);

        JsonNode exported = JSON.readTree(lines(intervals(from, to, "jsonl", task.taskQueueSid)).get(0));
        JsonNode api = JSON.readTree(given().auth().oauth2(token("supervisor")).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("task_queue_sid", task.taskQueueSid)
                .get("/v1/intervals").then().statusCode(200).extract().asString()).path("rows").get(0);
        assertEquals(api, exported);
        assertEquals(1, exported.path("offered").asInt());
        assertEquals(1, exported.path("accepted").asInt());

        List<String> csv = lines(intervals(from, to, "csv", task.taskQueueSid));
        assertEquals("interval_start,interval_seconds,group_by,group,offered,accepted,abandoned,short_abandoned,"
                + "abandonment_rate,asa_seconds,aht_seconds,service_level,service_level_threshold_seconds,transfers,"
                + "occupancy", csv.get(0));
        assertTrue(csv.get(1).startsWith(api.path("interval_start").asText() + ",900,queue," + task.taskQueueSid
                + ",1,1,0,0,"), csv.get(1));
    }

    @Test
    void badParametersAreProblemsBeforeAnyByteOfTheFile() {
        String supervisor = token("supervisor");
        given().auth().oauth2(supervisor).queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-01-02T00:00:00Z").queryParam("format", "xml").get("/v1/exports/events")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", is(PROBLEMS + "validation-failed")).body("errors[0].field", is("format"));
        given().auth().oauth2(supervisor).queryParam("from", "2024-01-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z").get("/v1/exports/intervals").then().statusCode(400)
                .body("errors[0].field", is("to")).body("errors[0].message", containsString("366 days"));
        given().auth().oauth2(supervisor).queryParam("to", "2026-01-01T00:00:00Z").get("/v1/exports/events")
                .then().statusCode(400).body("errors[0].field", is("from"));
        given().auth().oauth2(supervisor).queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-01-02T00:00:00Z").queryParam("group_by", "planet")
                .get("/v1/exports/intervals").then().statusCode(400).body("errors[0].field", is("group_by"));
        given().auth().oauth2(token("agent")).queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-01-02T00:00:00Z").get("/v1/exports/events").then().statusCode(403);
    }

    /** created, queue entered and accepted within the minute, by one worker. */
    private static Tasks publishLifecycle(Instant minute) {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(new TaskCreated(task.taskSid, task.workspaceSid, sid("WW"), task.interactionId, "default", 0,
                "{\"channel\":\"sms\",\"note\":\"a, \\\"quoted\\\" word\"}", minute));
        publish(new TaskQueueEntered(task.taskSid, task.workspaceSid, task.taskQueueSid, task.interactionId,
                minute.plusSeconds(1)));
        publish(new ReservationAccepted(task.reservationSid, task.taskSid, task.workspaceSid, task.workerSid,
                task.taskQueueSid, task.interactionId, minute.plusSeconds(5)));
        return task;
    }

    private static Instant randomMinute() {
        return Instant.parse("2020-01-01T00:00:00Z").plusSeconds(60L * ThreadLocalRandom.current().nextInt(500_000));
    }

    private static Response export(String what, Instant minute, String format) {
        return given().auth().oauth2(token("supervisor")).queryParam("from", minute.toString())
                .queryParam("to", minute.plusSeconds(60).toString()).queryParam("format", format)
                .get("/v1/exports/" + what);
    }

    private static Response intervals(Instant from, Instant to, String format, String queue) {
        return given().auth().oauth2(token("supervisor")).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("format", format).queryParam("task_queue_sid", queue)
                .get("/v1/exports/intervals");
    }

    private static List<String> lines(Response response) {
        return response.then().statusCode(200).extract().asString().lines().toList();
    }
}
