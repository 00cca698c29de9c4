package org.opencc.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.publishRaw;
import static org.opencc.reporting.LiveEvents.sid;
import static org.opencc.reporting.LiveEvents.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Channel;
import org.opencc.contracts.Topics;
import org.opencc.contracts.context.ContextServed;
import org.opencc.contracts.context.Reader;
import org.opencc.contracts.context.SourceOutcome;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.contracts.task.ReservationTimedOut;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/** Journeys from the events of every topic of an interaction, with the rule table's verdict. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class JourneyTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PROBLEMS = "https://opencc.dev/problems/";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aJourneyJoinsTheInteractionItsTaskAndItsContextReadInEventTimeOrder() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        Instant t0 = Instant.now().minusSeconds(5);
        // published out of order: the journey orders by event time
        publish(task.accepted());
        publish(new InteractionCreated(task.interactionId, Channel.SMS, task.workspaceSid, sid("WW"), "ck_abc",
                "US", "us-east", t0), TRACEPARENT);
        publish(task.created());
        publish(task.entered(t0.plusSeconds(1)));
        publish(task.reserved());
        publish(new ContextServed(sid("CX"), task.taskSid, task.interactionId, "ck_abc",
                new Reader("ada", "agent", task.workerSid), List.of("customer.name"), List.of(),
                List.of(new SourceOutcome("demo-crm", "timeout", 300, null)), true, 300, 302, Instant.now()));

        JsonPath journey = await().atMost(DEADLINE).until(() -> journey(task.interactionId),
                j -> j != null && j.getList("events").size() == 6);
        assertEquals("interaction.created", journey.getString("events[0].type"));
        assertEquals(List.of(task.taskSid), journey.getList("task_sids"));
        assertEquals(List.of("4bf92f3577b34da6a3ce929d0e0e4736"), journey.getList("trace_ids"));
        assertEquals("cc.context.v1", journey.getString("events.find { it.type == 'context.served' }.topic"));
        assertEquals("crm", journey.getString("attribution.stage"));
        assertEquals("context-failed", journey.getString("attribution.rule"));
        assertEquals(1, journey.getList("attribution.event_ids").size());
        // no task-router in this test: the explanation says why it is missing instead of failing the journey
        assertEquals(task.taskSid, journey.getString("routing_explanations[0].task_sid"));
        assertEquals("unavailable", journey.getString("routing_explanations[0].status"));
        assertTrue(journey.getString("routing_explanations[0].detail").contains("cc.journeys.router-url"));
    }

    @Test
    void aRedeliveredEventAppearsOnceAndAnUnknownTypeIsSkippedNotFatal() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        String id = UUID.randomUUID().toString();
        LiveEvents.publish(task.created(), id, null);
        LiveEvents.publish(task.created(), id, null);
        publishRaw(Topics.TASKS, task.taskSid, "task.teleported", "{\"task_sid\":\"" + task.taskSid + "\"}");
        publish(task.entered(Instant.now()));

        JsonPath journey = await().atMost(DEADLINE).until(() -> journey(task.interactionId),
                j -> j != null && j.getList("events").size() == 2);
        assertEquals(List.of("task.created", "task-queue.entered"), journey.getList("events.type"));
        await().atMost(DEADLINE).until(() -> skipped("task.teleported") >= 1.0);
    }

    @Test
    void anAnomalyListingNamesTheInteractionsWhoseJourneyShowsIt() {
        Tasks timedOut = new Tasks(sid("WS"), sid("WQ"));
        Tasks clean = new Tasks(sid("WS"), sid("WQ"));
        String from = Instant.now().minusSeconds(60).toString();
        for (Tasks task : List.of(timedOut, clean)) {
            publish(task.created());
            publish(task.entered(Instant.now()));
            publish(task.reserved());
        }
        publish(new ReservationTimedOut(timedOut.reservationSid, timedOut.taskSid, timedOut.workspaceSid,
                timedOut.workerSid, timedOut.taskQueueSid, timedOut.interactionId, Instant.now()));
        publish(clean.accepted());
        await().atMost(DEADLINE).until(() -> journey(clean.interactionId) != null
                && journey(clean.interactionId).getList("events").size() == 4);

        JsonPath listed = await().atMost(DEADLINE).until(() -> given().auth().oauth2(token("supervisor"))
                .queryParam("anomaly", "reservation-timeout").queryParam("from", from)
                .get("/v1/journeys").then().statusCode(200).extract().jsonPath(),
                list -> list.getList("interactions.interaction_id").contains(timedOut.interactionId));
        assertEquals(false, listed.getList("interactions.interaction_id").contains(clean.interactionId));
        assertEquals("routing", listed.getString("interactions.find { it.interaction_id == '"
                + timedOut.interactionId + "' }.stage"));
        assertEquals(false, listed.getBoolean("truncated"));
    }

    @Test
    void anAnomalyListingRejectsAnUnknownAnomalyAndTooLongARange() {
        given().auth().oauth2(token("supervisor")).queryParam("anomaly", "gremlins")
                .queryParam("from", "2026-01-01T00:00:00Z").get("/v1/journeys").then().statusCode(400)
                .body("errors[0].field", is("anomaly"));
        given().auth().oauth2(token("supervisor")).queryParam("anomaly", "no-task")
                .queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-01-09T00:00:00Z")
                .get("/v1/journeys").then().statusCode(400)
                .body("errors[0].field", is("to")).body("errors[0].message", containsString("7 days"));
        given().auth().oauth2(token("supervisor")).queryParam("anomaly", "no-task").queryParam("from", "yesterday")
                .get("/v1/journeys").then().statusCode(400).body("errors[0].field", is("from"));
    }

    @Test
    void aForgedWebhookOfNoInteractionIsAJourneyOfItsOwnUnderItsMessageSid() {
        String messageSid = sid("SM");
        publish(new IntakeRefused(null, messageSid, null, IntakeRefused.BAD_SIGNATURE, null, Instant.now()));

        JsonPath journey = await().atMost(DEADLINE).until(() -> journey(messageSid), j -> j != null);
        assertEquals("intake", journey.getString("attribution.stage"));
        assertEquals("webhook-refused", journey.getString("attribution.rule"));
        assertEquals(List.of(IntakeRefused.TYPE), journey.getList("events.type"));
        assertTrue(journey.getString("attribution.reason").contains("signature"),
                journey.getString("attribution.reason"));
    }

    @Test
    void anInteractionWhoseWebhookWasRepeatedIsListedAsADuplicateWebhook() {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        Instant from = Instant.now().minusSeconds(5);
        publish(new InteractionCreated(task.interactionId, Channel.SMS, task.workspaceSid, sid("WW"), "ck_abc",
                "US", "us-east", Instant.now()));
        publish(new IntakeRefused(task.interactionId, sid("SM"), "sms", IntakeRefused.DUPLICATE, "+15005550006",
                Instant.now()));

        JsonPath listed = await().atMost(DEADLINE).until(() -> given().auth().oauth2(token("supervisor"))
                .queryParam("anomaly", "duplicate-webhook").queryParam("from", from.toString())
                .queryParam("to", Instant.now().plusSeconds(5).toString()).get("/v1/journeys")
                .then().statusCode(200).extract().jsonPath(),
                list -> list.getList("interactions.interaction_id").contains(task.interactionId));
        assertEquals("intake", listed.getString("interactions.find { it.interaction_id == '"
                + task.interactionId + "' }.stage"));
    }

    @Test
    void anUnknownInteractionIsNotFoundAndAMalformedOneAValidationProblem() {
        given().auth().oauth2(token("supervisor")).get("/v1/journeys/{id}", sid("IN")).then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("type", is(PROBLEMS + "not-found"));
        given().auth().oauth2(token("supervisor")).get("/v1/journeys/{id}", sid("SM")).then().statusCode(404);
        for (String malformed : List.of("IN123", sid("WT"))) {
            given().auth().oauth2(token("supervisor")).get("/v1/journeys/{id}", malformed).then().statusCode(400)
                    .body("type", is(PROBLEMS + "validation-failed")).body("errors.field", contains("interactionId"));
        }
    }

    @Test
    void journeysAreForSupervisorsAndAdmins() {
        given().auth().oauth2(token("agent")).get("/v1/journeys/{id}", sid("IN")).then().statusCode(403);
        given().get("/v1/journeys/{id}", sid("IN")).then().statusCode(401);
    }

    /** The journey as a supervisor reads it; null while it is not found. */
    static JsonPath journey(String interactionId) {
        var response = given().auth().oauth2(token("supervisor")).get("/v1/journeys/{id}", interactionId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    private static double skipped(String type) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("reporting_events_skipped_total") && l.contains(type))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
