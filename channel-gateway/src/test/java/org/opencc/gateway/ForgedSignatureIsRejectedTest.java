package org.opencc.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.testsupport.tracing.SpanFile;
import org.opencc.testsupport.twilio.TwilioWebhookSigner;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class ForgedSignatureIsRejectedTest {

    @Test
    void aForgedSignatureIsRefusedWith403AndPublishesOneSignatureInvalidRefusalPerSid() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello");
        // signed by someone with another token
        String forged = new TwilioWebhookSigner("not-our-token").sign(Webhooks.SIGNED_URL, params);
        String traceparent = SpanFile.newTraceparent();

        given().contentType(ContentType.URLENC).formParams(params)
                .header(TwilioWebhookSigner.HEADER, forged).header("traceparent", traceparent)
                .post(Webhooks.PATH)
                .then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/signature-invalid"), "status", is(403));

        assertEquals(0, GatewayRows.interactionsFor(messageSid));
        assertEquals(0, GatewayRows.refusalsFor(messageSid));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> spans = SpanFile.ofTrace(SpanFile.traceId(traceparent));
            assertTrue(spans.stream().anyMatch(span -> "bad-signature".equals(
                    span.path("attributes").path("cc.failure").asText())), "span names the failure: " + spans);
        });
        // nothing of the request but its sid is trusted: no interaction, no channel, no number
        List<IntakeRefused> refusals = TopicRecords.decoded(
                TopicRecords.withKey(Topics.INTERACTIONS, messageSid, Duration.ofSeconds(30)), IntakeRefused.TYPE,
                IntakeRefused.class);
        assertEquals(1, refusals.size(), "one intake.refused: " + refusals);
        IntakeRefused refused = refusals.get(0);
        assertNull(refused.interactionId());
        assertEquals(messageSid, refused.messageSid());
        assertEquals(IntakeRefused.BAD_SIGNATURE, refused.reason());
        assertNull(refused.channel());
        assertNull(refused.toNumber());
        assertNotNull(refused.occurredAt());

        // a second forged copy of the same sid is answered the same and only counted
        Webhooks.post(params, forged).then().statusCode(403).body("type", endsWith("/signature-invalid"));

        assertEquals(2, GatewayRows.forgedAttempts(messageSid));
        assertEquals(1, GatewayRows.outboxRows(IntakeRefused.TYPE, messageSid));
        assertEquals(1, TopicRecords.ofType(TopicRecords.withKey(Topics.INTERACTIONS, messageSid,
                Duration.ofSeconds(30)), IntakeRefused.TYPE).size(), "still one intake.refused");
    }

    @Test
    void aForgedCopyOfATakenMessageIsRefusedNamingItsInteraction() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello");
        String signature = Webhooks.sign(params);
        Webhooks.post(params, signature).then().statusCode(200);
        String interactionId = GatewayRows.interactionId(messageSid).orElseThrow();
        params.put("Body", "tampered");

        Webhooks.post(params, signature).then().statusCode(403).body("type", endsWith("/signature-invalid"));

        assertEquals(1, GatewayRows.interactionsFor(messageSid));
        assertEquals(1, GatewayRows.messagesOf(interactionId), "the forged copy stored no message");
        List<ConsumerRecord<String, String>> records = TopicRecords.withKeyUntil(Topics.INTERACTIONS, interactionId,
                found -> !TopicRecords.ofType(found, IntakeRefused.TYPE).isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, TopicRecords.ofType(records, InteractionCreated.TYPE).size(), "one interaction.created");
        List<IntakeRefused> refusals = TopicRecords.decoded(records, IntakeRefused.TYPE, IntakeRefused.class);
        assertEquals(1, refusals.size(), "one intake.refused: " + refusals);
        IntakeRefused refused = refusals.get(0);
        assertEquals(interactionId, refused.interactionId());
        assertEquals(messageSid, refused.messageSid());
        assertEquals(IntakeRefused.BAD_SIGNATURE, refused.reason());
        assertNull(refused.channel());
        assertNull(refused.toNumber());
    }

    @Test
    void aSignatureForOtherParametersIsRefused() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello");
        String signature = Webhooks.sign(params);
        params.put("Body", "tampered");

        Webhooks.post(params, signature).then().statusCode(403)
                .body("type", endsWith("/signature-invalid"));

        assertEquals(0, GatewayRows.interactionsFor(messageSid));
    }

    @Test
    void aMissingSignatureIsRefusedWith403AndCountsAsForged() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();

        Webhooks.post(Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello"), null)
                .then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/signature-invalid"));

        assertEquals(0, GatewayRows.interactionsFor(messageSid));
        assertEquals(0, GatewayRows.refusalsFor(messageSid));
        assertEquals(1, GatewayRows.forgedAttempts(messageSid));
        assertEquals(1, GatewayRows.outboxRows(IntakeRefused.TYPE, messageSid));
    }

    @Test
    void aForgedRequestWithoutAWellFormedMessageSidPublishesNothing() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello");
        params.remove("MessageSid");
        String malformedSid = messageSid.toUpperCase();
        Map<String, String> malformed = Webhooks.sms(malformedSid, Webhooks.phoneNumber(), to, "hello");

        Webhooks.post(params, Webhooks.sign("not-our-token", Webhooks.SIGNED_URL, params))
                .then().statusCode(403).body("type", endsWith("/signature-invalid"));
        Webhooks.post(malformed, Webhooks.sign("not-our-token", Webhooks.SIGNED_URL, malformed))
                .then().statusCode(403).body("type", endsWith("/signature-invalid"));

        for (String sid : List.of(messageSid, malformedSid)) {
            assertEquals(0, GatewayRows.forgedAttempts(sid), sid);
            assertEquals(0, GatewayRows.outboxRows(IntakeRefused.TYPE, sid), sid);
        }
    }
}
