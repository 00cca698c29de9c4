package org.opencc.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.IntakeRefused;
import org.opencc.contracts.interaction.InteractionCreated;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class RepeatedWebhookCreatesOneInteractionTest {

    @Test
    void theSameWebhookFiveTimesCreatesOneInteractionAndOneOutboxRowAndAnswersTheSame() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "are you there?");

        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            answers.add(Webhooks.postSigned(params).then().statusCode(200).extract().asString());
        }

        assertEquals(1, answers.size(), "identical answers: " + answers);
        assertEquals(1, GatewayRows.interactionsFor(messageSid));
        String interactionId = GatewayRows.interactionId(messageSid).orElseThrow();
        assertEquals(1, GatewayRows.outboxRows(InteractionCreated.TYPE, interactionId));
        assertEquals(4, GatewayRows.outboxRows(IntakeRefused.TYPE, interactionId), "one refusal per repeat");
    }

    @Test
    void aRepeatPublishesOneDuplicateRefusalNamingTheInteractionAndNoSecondCreated() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "are you there?");

        Webhooks.postSigned(params).then().statusCode(200);
        Webhooks.postSigned(params).then().statusCode(200);

        String interactionId = GatewayRows.interactionId(messageSid).orElseThrow();
        List<ConsumerRecord<String, String>> records = TopicRecords.withKeyUntil(Topics.INTERACTIONS, interactionId,
                found -> !TopicRecords.ofType(found, IntakeRefused.TYPE).isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, TopicRecords.ofType(records, InteractionCreated.TYPE).size(), "one interaction.created");
        List<IntakeRefused> refusals = TopicRecords.decoded(records, IntakeRefused.TYPE, IntakeRefused.class);
        assertEquals(1, refusals.size(), "one intake.refused: " + refusals);
        IntakeRefused refused = refusals.get(0);
        assertEquals(interactionId, refused.interactionId());
        assertEquals(messageSid, refused.messageSid());
        assertEquals(IntakeRefused.DUPLICATE, refused.reason());
        assertEquals("sms", refused.channel());
        assertEquals(to, refused.toNumber());
        assertNotNull(refused.occurredAt());
        assertEquals(1, GatewayRows.interactionsFor(messageSid));
    }
}
