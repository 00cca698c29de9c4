package org.opencc.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import org.opencc.testsupport.tracing.SpanFile;
import org.opencc.testsupport.twilio.TwilioWebhookSigner;

/**
 * Residency, with the test profile's regions: this deployment serves {@code us-east}; {@code eu-west} has a gateway
 * URL ({@code https://gateway.eu-west.example.com/}); {@code ap-south} is configured without one.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class ResidencyTest {
    private static final String EU_WEST_INBOUND = "https://gateway.eu-west.example.com/twilio/messaging/inbound";

    private static RequestSpecification admin() {
        return given().auth().oauth2(Numbers.token("admin")).contentType(ContentType.JSON).urlEncodingEnabled(false);
    }

    /** Maps {@code e164} to a fresh workspace and workflow in {@code region} through the numbers API. */
    private static void mapIn(String e164, String region, int status) {
        admin().body(Numbers.body(Numbers.sid("WS"), Numbers.sid("WW"), region)).put("/v1/numbers/" + e164)
                .then().statusCode(status).body("region", is(region));
    }

    private static int messageRows(String messageSid) {
        return Integer.parseInt(GatewayRows.text("SELECT count(*) FROM message WHERE provider_sid = ?", messageSid)
                .orElseThrow());
    }

    /** Outbox rows keyed by the message sid or naming it anywhere in their payload, of any type. */
    private static int outboxRowsAbout(String messageSid) {
        return Integer.parseInt(GatewayRows.text("SELECT count(*) FROM outbox_event WHERE event_key = ?"
                + " OR strpos(payload, ?) > 0", messageSid, messageSid).orElseThrow());
    }

    @Test
    void aMessageToANumberOfARegionWithAUrlIsRedirectedThereAndNothingOfItIsStored() {
        String to = Webhooks.phoneNumber();
        String from = Webhooks.phoneNumber();
        String messageSid = Webhooks.messageSid();
        mapIn(to, "eu-west", 201);
        Map<String, String> params = Webhooks.sms(messageSid, from, to, "Bonjour");
        String traceparent = SpanFile.newTraceparent();

        String twiml = given().contentType(ContentType.URLENC).formParams(params)
                .header(TwilioWebhookSigner.HEADER, Webhooks.sign(params))
                .header("traceparent", traceparent)
                .post(Webhooks.PATH)
                .then().statusCode(200).contentType(containsString("application/xml"))
                .extract().asString();

        assertTrue(twiml.contains("<Response><Redirect method=\"POST\">" + EU_WEST_INBOUND
                + "</Redirect></Response>"), twiml);
        assertFalse(twiml.contains("<Message"), twiml);
        assertEquals(0, GatewayRows.interactionsFor(messageSid), "no interaction");
        assertEquals(0, GatewayRows.interactionsOfCustomer(from), "no interaction of the customer");
        assertEquals(0, messageRows(messageSid), "no message row");
        assertEquals(0, GatewayRows.refusalsFor(messageSid), "no refusal");
        assertEquals(0, outboxRowsAbout(messageSid), "no outbox row");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> spans = SpanFile.ofTrace(SpanFile.traceId(traceparent));
            assertTrue(spans.stream().anyMatch(span -> SpanFile.hasAttribute(span, "cc.stage", "intake")
                    && SpanFile.hasAttribute(span, "cc.region.handed_to", "eu-west")
                    && span.path("attributes").path("cc.failure").isMissingNode()),
                    "an intake span names the region it handed the message to, and no failure: " + spans);
        });
    }

    @Test
    void aRepeatOfAHandedOffMessageIsHandedOffAgainAndStillStoresNothing() {
        String to = Webhooks.phoneNumber();
        String messageSid = Webhooks.messageSid();
        mapIn(to, "eu-west", 201);
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "Bonjour");

        String first = Webhooks.postSigned(params).then().statusCode(200).extract().asString();
        String repeat = Webhooks.postSigned(params).then().statusCode(200).extract().asString();

        assertEquals(first, repeat);
        assertTrue(repeat.contains(EU_WEST_INBOUND), repeat);
        assertEquals(0, GatewayRows.interactionsFor(messageSid));
        assertEquals(0, messageRows(messageSid));
        assertEquals(0, GatewayRows.refusalsFor(messageSid));
        assertEquals(0, outboxRowsAbout(messageSid));
    }

    @Test
    void aMessageToANumberOfARegionWithoutAUrlIsRefusedAsRegionNotServed() {
        String to = Webhooks.phoneNumber();
        String messageSid = Webhooks.messageSid();
        mapIn(to, "ap-south", 201);
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello?");

        String answer = Webhooks.postSigned(params).then().statusCode(200)
                .contentType(containsString("application/xml"))
                .body(containsString("Sorry, this number cannot take messages right now."),
                        not(containsString("<Redirect")))
                .extract().asString();

        assertEquals(0, GatewayRows.interactionsFor(messageSid), "no interaction");
        assertEquals(0, messageRows(messageSid), "no message row");
        assertEquals(1, GatewayRows.refusalsFor(messageSid));
        assertEquals("policy-residency", GatewayRows.text(
                "SELECT reason FROM intake_refused WHERE message_sid = ?", messageSid).orElseThrow());

        // a repeat gets the same answer and is a duplicate: still one refusal row
        String repeat = Webhooks.postSigned(params).then().statusCode(200).extract().asString();
        assertEquals(answer, repeat);
        assertEquals(1, GatewayRows.refusalsFor(messageSid));

        List<ConsumerRecord<String, String>> records = TopicRecords.withKeyUntil(Topics.INTERACTIONS, messageSid,
                found -> TopicRecords.ofType(found, IntakeRefused.TYPE).size() >= 2, Duration.ofSeconds(30));
        List<IntakeRefused> refusals = TopicRecords.decoded(records, IntakeRefused.TYPE, IntakeRefused.class);
        assertEquals(2, refusals.size(), "a refusal and a duplicate: " + refusals);
        IntakeRefused refused = refusals.get(0);
        assertEquals("policy-residency", refused.reason());
        assertNull(refused.interactionId());
        assertEquals(messageSid, refused.messageSid());
        assertEquals("sms", refused.channel());
        assertEquals(to, refused.toNumber());
        assertEquals(IntakeRefused.DUPLICATE, refusals.get(1).reason());
        assertTrue(TopicRecords.ofType(records, InteractionCreated.TYPE).isEmpty(), "no interaction.created");
    }

    @Test
    void aNumberLeftMappedToARegionNoLongerConfiguredIsRefusedAsRegionNotServed() {
        String to = Webhooks.phoneNumber();
        String messageSid = Webhooks.messageSid();
        // mapped while another configuration was in force: the API would refuse the region now
        GatewayRows.execute("INSERT INTO numbers (e164, workspace_sid, workflow_sid, region, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'sa-east', now(), now())", to, Numbers.sid("WS"), Numbers.sid("WW"));

        Webhooks.postSigned(Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello?"))
                .then().statusCode(200).body(containsString("Sorry, this number cannot take messages right now."));

        assertEquals(0, GatewayRows.interactionsFor(messageSid));
        assertEquals("policy-residency", GatewayRows.text(
                "SELECT reason FROM intake_refused WHERE message_sid = ?", messageSid).orElseThrow());
        assertEquals(1, GatewayRows.outboxRows(IntakeRefused.TYPE, messageSid));
    }

    @Test
    void aMessageToANumberOfOurRegionOpensAnInteractionTaggedWithIt() {
        String to = Webhooks.phoneNumber();
        String messageSid = Webhooks.messageSid();
        mapIn(to, "us-east", 201);

        Webhooks.postSigned(Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "Where is my parcel?"))
                .then().statusCode(200).body(not(containsString("<Message")), not(containsString("<Redirect")));

        String interactionId = GatewayRows.interactionId(messageSid).orElseThrow();
        assertEquals("us-east", GatewayRows.text("SELECT region FROM interaction WHERE id = ?", interactionId)
                .orElseThrow());
        List<ConsumerRecord<String, String>> records =
                TopicRecords.withKey(Topics.INTERACTIONS, interactionId, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "one interaction.created record");
        InteractionCreated created = (InteractionCreated) EventCodec.decode(InteractionCreated.TYPE,
                records.get(0).value()).orElseThrow();
        assertEquals("us-east", created.region());
    }

    @Test
    void aMessageInAnOpenConversationContinuesItAfterItsNumberMovedToAnotherRegion() {
        String to = Webhooks.phoneNumber();
        String from = Webhooks.phoneNumber();
        String firstSid = Webhooks.messageSid();
        mapIn(to, "us-east", 201);
        Webhooks.postSigned(Webhooks.sms(firstSid, from, to, "first")).then().statusCode(200);
        String interactionId = GatewayRows.interactionId(firstSid).orElseThrow();

        mapIn(to, "eu-west", 200);
        String secondSid = Webhooks.messageSid();
        Webhooks.postSigned(Webhooks.sms(secondSid, from, to, "second"))
                .then().statusCode(200).body(not(containsString("<Redirect")), not(containsString("<Message")));

        assertEquals(interactionId, GatewayRows.interactionOfMessage(secondSid).orElseThrow(),
                "the open conversation's interaction is ours: the message joins it");
        assertEquals(2, GatewayRows.messagesOf(interactionId));
    }

    @Test
    void aNumberMayNotBeMappedToARegionThatIsNeitherOursNorConfigured() {
        String e164 = Webhooks.phoneNumber();

        admin().body(Numbers.body(Numbers.sid("WS"), Numbers.sid("WW"), "sa-east")).put("/v1/numbers/" + e164)
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/validation-failed"), "errors.field", hasItem("region"),
                        "errors.find { it.field == 'region' }.message",
                        is("this deployment serves us-east; configured regions: ap-south, eu-west"));
        admin().get("/v1/numbers/" + e164).then().statusCode(404);
    }

    @Test
    void aMappingNamingNoRegionGetsThisDeploymentsRegion() {
        String e164 = Webhooks.phoneNumber();

        admin().body(Numbers.body(Numbers.sid("WS"), Numbers.sid("WW"), null)).put("/v1/numbers/" + e164)
                .then().statusCode(201).body("region", is("us-east"));
    }
}
