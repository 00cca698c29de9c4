package org.opencc.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.testsupport.kafka.KafkaBroker;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class KafkaOutageDelaysButKeepsEventTest {

    @Test
    void aWebhookAcceptedWhileKafkaIsDownIsPublishedOnceKafkaIsBack() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        String interactionId;

        KafkaBroker.shared().stop();
        try {
            Webhooks.postSigned(Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello?"))
                    .then().statusCode(200);
            interactionId = GatewayRows.interactionId(messageSid).orElseThrow();
            assertEquals(1, GatewayRows.outboxRows(InteractionCreated.TYPE, interactionId));
        } finally {
            KafkaBroker.shared().start();
        }

        var records = TopicRecords.withKey(Topics.INTERACTIONS, interactionId, Duration.ofSeconds(60));
        assertEquals(1, records.size(), "the held event arrives once Kafka is back");
        assertEquals(InteractionCreated.TYPE, TopicRecords.header(records.get(0), "ce_type"));
    }
}
