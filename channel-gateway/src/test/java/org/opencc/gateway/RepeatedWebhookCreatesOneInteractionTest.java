package org.opencc.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
    }
}
