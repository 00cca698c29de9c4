package org.opencc.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.tracing.SpanFile;
import org.opencc.testsupport.twilio.TwilioWebhookSigner;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class SignedSmsCreatesInteractionTest {

    @Test
    void aSignedSmsToAMappedNumberBecomesOneInteractionAndOneCreatedEventWithoutPersonalData() {
        String from = Webhooks.phoneNumber();
        String to = Webhooks.phoneNumber();
        String messageSid = Webhooks.messageSid();
        Numbers.Target target = Numbers.map(to);
        Map<String, String> params = Webhooks.sms(messageSid, from, to, "Where is my parcel?");
        String traceparent = SpanFile.newTraceparent();

        String twiml = given().contentType(ContentType.URLENC).formParams(params)
                .header(TwilioWebhookSigner.HEADER, Webhooks.sign(params))
                .header("traceparent", traceparent)
                .post(Webhooks.PATH)
                .then().statusCode(200).contentType(containsString("application/xml"))
                .body(containsString("<Response"), not(containsString("<Message")))
                .extract().asString();
        assertFalse(twiml.contains("Message"), twiml);

        assertEquals(1, GatewayRows.interactionsFor(messageSid));
        String interactionId = GatewayRows.interactionId(messageSid).orElseThrow();

        List<ConsumerRecord<String, String>> records =
                TopicRecords.withKey(Topics.INTERACTIONS, interactionId, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "one interaction.created record");
        ConsumerRecord<String, String> record = records.get(0);
        assertNotNull(TopicRecords.header(record, "ce_id"));
        assertEquals(InteractionCreated.TYPE, TopicRecords.header(record, "ce_type"));
        assertEquals("/cc/channel-gateway", TopicRecords.header(record, "ce_source"));
        String recordTraceparent = TopicRecords.header(record, "traceparent");
        assertNotNull(recordTraceparent);
        assertTrue(recordTraceparent.contains(SpanFile.traceId(traceparent)),
                "the event continues the webhook's trace: " + recordTraceparent);

        InteractionCreated created = (InteractionCreated) EventCodec.decode(InteractionCreated.TYPE, record.value())
                .orElseThrow();
        assertEquals(interactionId, created.interactionId());
        assertEquals("sms", created.channel().value());
        assertEquals(target.workspaceSid(), created.workspaceSid());
        assertEquals(target.workflowSid(), created.workflowSid());
        assertEquals("us-east", created.region());
        assertEquals("US", created.country());
        assertNull(created.expectedQueueSid(), "the number declares no expected queue");
        assertTrue(created.customerKey().matches("ck_[0-9a-f]{32}"), created.customerKey());
        assertFalse(record.value().contains(from.substring(1)), "no customer number in " + record.value());
        assertFalse(record.value().contains(to.substring(1)), "no dialled number in " + record.value());
        assertFalse(record.value().contains("parcel"), "no body in " + record.value());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> spans = SpanFile.ofTrace(SpanFile.traceId(traceparent));
            assertTrue(spans.stream().anyMatch(span -> "intake".equals(span.path("attributes").path("cc.stage")
                    .asText()) && interactionId.equals(span.path("attributes").path("cc.interaction_id")
                    .asText())), "an intake span names the interaction: " + spans);
        });
    }

    @Test
    void theNumbersExpectedQueueTravelsInInteractionCreated() {
        String to = Webhooks.phoneNumber();
        String messageSid = Webhooks.messageSid();
        String queue = Numbers.sid("WQ");
        Numbers.map(to, queue);
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "Hello");

        given().contentType(ContentType.URLENC).formParams(params)
                .header(TwilioWebhookSigner.HEADER, Webhooks.sign(params))
                .post(Webhooks.PATH)
                .then().statusCode(200);

        String interactionId = GatewayRows.interactionId(messageSid).orElseThrow();
        List<ConsumerRecord<String, String>> records =
                TopicRecords.withKey(Topics.INTERACTIONS, interactionId, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "one interaction.created record");
        assertTrue(records.get(0).value().contains("\"expected_queue_sid\":\"" + queue + "\""),
                records.get(0).value());
        InteractionCreated created = (InteractionCreated) EventCodec.decode(InteractionCreated.TYPE,
                records.get(0).value()).orElseThrow();
        assertEquals(queue, created.expectedQueueSid());
    }
}
