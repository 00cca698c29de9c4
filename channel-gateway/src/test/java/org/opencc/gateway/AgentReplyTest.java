package org.opencc.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class AgentReplyTest {
    @Inject
    AdjustableClock clock;

    @Test
    void theAssignedAgentsReplyIsSentThroughTwiliosMessagesApiAndRecordedAsSent() {
        String customer = Webhooks.phoneNumber();
        String to = Webhooks.phoneNumber();
        String worker = Numbers.sid("WK");
        String interactionId = Replies.interaction(customer, to, worker);

        String id = Replies.post(Replies.agentToken(worker), interactionId, "Your parcel ships today", null)
                .then().statusCode(201).contentType(containsString("application/json"))
                .body("direction", is("outbound"), "status", is("sent"), "interaction_id", is(interactionId),
                        "provider_sid", matchesPattern("SM[0-9a-f]{32}"), "body", is("Your parcel ships today"),
                        "date_created", notNullValue())
                .extract().path("id");

        List<FakeTwilio.Call> calls = FakeTwilio.messagesTo(customer);
        assertEquals(1, calls.size(), "one Messages API call: " + calls);
        FakeTwilio.Call call = calls.get(0);
        assertEquals("POST", call.method());
        assertEquals(FakeTwilio.MESSAGES_PATH, call.path());
        assertEquals(to, call.form().get("From"));
        assertEquals("Your parcel ships today", call.form().get("Body"));
        assertEquals("http://localhost:8081/twilio/messaging/status", call.form().get("StatusCallback"));
        assertTrue(call.authorization().startsWith("Basic "), call.authorization());
        assertEquals("sent", GatewayRows.text("SELECT status FROM message WHERE id = ?", id).orElseThrow());
        assertEquals(2, GatewayRows.messagesOf(interactionId));
    }

    @Test
    void theSameIdempotencyKeyTwiceCallsTwilioOnceAndAnswersTheSameMessage() {
        String customer = Webhooks.phoneNumber();
        String worker = Numbers.sid("WK");
        String interactionId = Replies.interaction(customer, Webhooks.phoneNumber(), worker);
        String key = UUID.randomUUID().toString();

        String first = Replies.post(Replies.agentToken(worker), interactionId, "On it", key)
                .then().statusCode(201).extract().path("provider_sid");
        String again = Replies.post(Replies.agentToken(worker), interactionId, "On it", key)
                .then().statusCode(201).body("status", is("sent")).extract().path("provider_sid");

        assertEquals(first, again);
        assertEquals(1, FakeTwilio.messagesTo(customer).size());
        assertEquals(2, GatewayRows.messagesOf(interactionId));
    }

    @Test
    void aTwilioServerErrorRecordsTheMessageAsFailedAndAnswers502WithoutRetrying() {
        String customer = Webhooks.phoneNumber();
        String worker = Numbers.sid("WK");
        String interactionId = Replies.interaction(customer, Webhooks.phoneNumber(), worker);
        String key = UUID.randomUUID().toString();

        FakeTwilio.failNext(500);
        Replies.post(Replies.agentToken(worker), interactionId, "Sorry for the wait", key)
                .then().statusCode(502).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/twilio-request-failed"), "status", is(502));

        assertEquals(1, FakeTwilio.messagesTo(customer).size(), "a failed POST is not retried");
        assertEquals("failed", GatewayRows.text("SELECT status FROM message WHERE interaction_id = ?"
                + " AND direction = 'outbound'", interactionId).orElseThrow());
        assertEquals("20500", GatewayRows.text("SELECT error_code::text FROM message WHERE interaction_id = ?"
                + " AND direction = 'outbound'", interactionId).orElseThrow());
        // the same request again answers the recorded failure, and still does not call Twilio
        Replies.post(Replies.agentToken(worker), interactionId, "Sorry for the wait", key).then().statusCode(502);
        assertEquals(1, FakeTwilio.messagesTo(customer).size());
    }

    @Test
    void aWhatsAppReplyGoesFromOurWhatsAppNumberWithinTheCustomerCareWindow() {
        String customer = "whatsapp:" + Webhooks.phoneNumber();
        String to = "whatsapp:" + Webhooks.phoneNumber();
        String worker = Numbers.sid("WK");
        String interactionId = Replies.interaction(customer, to, worker);

        Replies.post(Replies.agentToken(worker), interactionId, "Hi there", null).then().statusCode(201);

        List<FakeTwilio.Call> calls = FakeTwilio.messagesTo(customer);
        assertEquals(1, calls.size());
        assertEquals(to, calls.get(0).form().get("From"));
    }

    @Test
    void aWhatsAppReplyMoreThan24HoursAfterTheCustomersLastMessageIsRefusedWith422() {
        String customer = "whatsapp:" + Webhooks.phoneNumber();
        String worker = Numbers.sid("WK");
        String interactionId = Replies.interaction(customer, "whatsapp:" + Webhooks.phoneNumber(), worker);

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        Replies.post(Replies.agentToken(worker), interactionId, "Still need help?", null)
                .then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/whatsapp-session-closed"),
                        "detail", containsString("whatsapp-session-closed"));

        assertEquals(0, FakeTwilio.messagesTo(customer).size());
        assertEquals(1, GatewayRows.messagesOf(interactionId));
    }

    @Test
    void anotherAgentGets403AndNothingIsSent() {
        String customer = Webhooks.phoneNumber();
        String interactionId = Replies.interaction(customer, Webhooks.phoneNumber(), Numbers.sid("WK"));

        Replies.post(Replies.agentToken(Numbers.sid("WK")), interactionId, "Hello", null)
                .then().statusCode(403).body("type", endsWith("/forbidden"));

        assertEquals(0, FakeTwilio.messagesTo(customer).size());
        assertEquals(1, GatewayRows.messagesOf(interactionId));
    }

    @Test
    void aSupervisorMayReplyToAnAssignedInteraction() {
        String customer = Webhooks.phoneNumber();
        String interactionId = Replies.interaction(customer, Webhooks.phoneNumber(), Numbers.sid("WK"));

        Replies.post(Numbers.token("supervisor"), interactionId, "A supervisor here", null)
                .then().statusCode(201).body("status", is("sent"));

        assertEquals(1, FakeTwilio.messagesTo(customer).size());
    }

    @Test
    void unassignedUnknownAndInvalidRepliesAreRefusedAndNothingIsSent() {
        String customer = Webhooks.phoneNumber();
        String worker = Numbers.sid("WK");
        String unassigned = Replies.interaction(customer, Webhooks.phoneNumber(), null);
        String token = Replies.agentToken(worker);

        Replies.post(token, unassigned, "Hello", null).then().statusCode(409)
                .body("type", endsWith("/interaction-not-assigned"));
        Replies.post(token, "IN" + "e".repeat(32), "Hello", null).then().statusCode(404)
                .body("type", endsWith("/not-found"));
        GatewayRows.assign(unassigned, worker);
        Replies.post(token, unassigned, "", null).then().statusCode(400)
                .body("type", endsWith("/validation-failed"), "errors[0].field", is("body"));
        Replies.post(token, unassigned, null, null).then().statusCode(400);
        Replies.post(token, unassigned, "x".repeat(1601), null).then().statusCode(400)
                .body("errors[0].field", is("body"));
        Replies.post(Numbers.token("compliance"), unassigned, "Hello", null).then().statusCode(403);

        assertEquals(0, FakeTwilio.messagesTo(customer).size());
        assertEquals(1, GatewayRows.messagesOf(unassigned));
    }
}
