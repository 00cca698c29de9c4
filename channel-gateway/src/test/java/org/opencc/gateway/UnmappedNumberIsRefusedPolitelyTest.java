package org.opencc.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.IntakeRefused;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class UnmappedNumberIsRefusedPolitelyTest {

    @Test
    void aMessageToAnUnmappedNumberGetsAPoliteReplyAndARefusalRowButNoInteraction() {
        String messageSid = Webhooks.messageSid();
        String unmapped = Webhooks.phoneNumber();

        Webhooks.postSigned(Webhooks.sms(messageSid, Webhooks.phoneNumber(), unmapped, "anyone there?"))
                .then().statusCode(200).contentType(containsString("application/xml"))
                .body(containsString("<Message>"),
                        containsString("Sorry, this number cannot take messages right now."));

        assertEquals(1, GatewayRows.refusalsFor(messageSid));
        assertEquals("unmapped-number", GatewayRows.text(
                "SELECT reason FROM intake_refused WHERE message_sid = ?", messageSid).orElseThrow());
        assertEquals(unmapped, GatewayRows.text(
                "SELECT to_number FROM intake_refused WHERE message_sid = ?", messageSid).orElseThrow());
        assertEquals(0, GatewayRows.interactionsFor(messageSid));

        // keyed by the message sid: the message belongs to no interaction
        List<IntakeRefused> refusals = TopicRecords.decoded(
                TopicRecords.withKey(Topics.INTERACTIONS, messageSid, Duration.ofSeconds(30)), IntakeRefused.TYPE,
                IntakeRefused.class);
        assertEquals(1, refusals.size(), "one intake.refused: " + refusals);
        IntakeRefused refused = refusals.get(0);
        assertNull(refused.interactionId());
        assertEquals(messageSid, refused.messageSid());
        assertEquals(IntakeRefused.UNMAPPED_NUMBER, refused.reason());
        assertEquals("sms", refused.channel());
        assertEquals(unmapped, refused.toNumber());
        assertNotNull(refused.occurredAt());
    }

    @Test
    void aRepeatOfARefusedMessageIsRefusedAsADuplicateAndNotAsUnmappedAgain() {
        String messageSid = Webhooks.messageSid();
        String unmapped = Webhooks.phoneNumber();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), unmapped, "anyone there?");

        String first = Webhooks.postSigned(params).then().statusCode(200).extract().asString();
        String repeat = Webhooks.postSigned(params).then().statusCode(200).extract().asString();

        assertEquals(first, repeat, "the repeat gets the same polite answer");
        assertEquals(1, GatewayRows.refusalsFor(messageSid));
        List<ConsumerRecord<String, String>> records = TopicRecords.withKeyUntil(Topics.INTERACTIONS, messageSid,
                found -> TopicRecords.ofType(found, IntakeRefused.TYPE).size() >= 2, Duration.ofSeconds(30));
        List<IntakeRefused> refusals = TopicRecords.decoded(records, IntakeRefused.TYPE, IntakeRefused.class);
        assertEquals(2, refusals.size(), "two intake.refused: " + refusals);
        assertEquals(IntakeRefused.UNMAPPED_NUMBER, refusals.get(0).reason());
        IntakeRefused duplicate = refusals.get(1);
        assertEquals(IntakeRefused.DUPLICATE, duplicate.reason());
        assertNull(duplicate.interactionId());
        assertEquals(messageSid, duplicate.messageSid());
        assertEquals(unmapped, duplicate.toNumber());
        assertEquals(2, GatewayRows.outboxRows(IntakeRefused.TYPE, messageSid));
    }
}
