package org.opencc.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class ConversationStaysOneInteractionTest {
    @Inject
    AdjustableClock clock;

    @Test
    void messagesWithinTheIdleWindowOfTheLastMessageJoinOneInteractionWithOneCreatedEvent() {
        String customer = Webhooks.phoneNumber();
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String first = Webhooks.messageSid();
        String second = Webhooks.messageSid();
        String third = Webhooks.messageSid();

        Webhooks.postSigned(Webhooks.sms(first, customer, to, "hello")).then().statusCode(200);
        clock.advance(Duration.ofMinutes(20));
        Webhooks.postSigned(Webhooks.sms(second, customer, to, "anyone?")).then().statusCode(200);
        // 40 minutes after the first message, 20 after the last: still open
        clock.advance(Duration.ofMinutes(20));
        Webhooks.postSigned(Webhooks.sms(third, customer, to, "still here")).then().statusCode(200);

        String interactionId = GatewayRows.interactionId(first).orElseThrow();
        assertEquals(1, GatewayRows.interactionsOfCustomer(customer));
        assertEquals(interactionId, GatewayRows.interactionOfMessage(second).orElseThrow());
        assertEquals(interactionId, GatewayRows.interactionOfMessage(third).orElseThrow());
        assertEquals(3, GatewayRows.messagesOf(interactionId));
        assertEquals(1, GatewayRows.outboxRows(InteractionCreated.TYPE, interactionId));
        assertEquals("anyone?", GatewayRows.text("SELECT body FROM message WHERE provider_sid = ?"
                + " AND direction = 'inbound'", second).orElseThrow());
    }

    @Test
    void aRepeatedMessageSidInAnOpenConversationIsStillOneMessage() {
        String customer = Webhooks.phoneNumber();
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String first = Webhooks.messageSid();
        Map<String, String> second = Webhooks.sms(Webhooks.messageSid(), customer, to, "again");

        Webhooks.postSigned(Webhooks.sms(first, customer, to, "hello")).then().statusCode(200);
        Webhooks.postSigned(second).then().statusCode(200);
        Webhooks.postSigned(second).then().statusCode(200);

        String interactionId = GatewayRows.interactionId(first).orElseThrow();
        assertEquals(2, GatewayRows.messagesOf(interactionId));
        assertEquals(1, GatewayRows.outboxRows(InteractionCreated.TYPE, interactionId));
    }

    @Test
    void afterTheIdleTimeoutAMessageOpensANewInteraction() {
        String customer = Webhooks.phoneNumber();
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String first = Webhooks.messageSid();
        String later = Webhooks.messageSid();

        Webhooks.postSigned(Webhooks.sms(first, customer, to, "hello")).then().statusCode(200);
        clock.advance(Duration.ofMinutes(31));
        Webhooks.postSigned(Webhooks.sms(later, customer, to, "hello again")).then().statusCode(200);

        String firstInteraction = GatewayRows.interactionId(first).orElseThrow();
        String secondInteraction = GatewayRows.interactionId(later).orElseThrow();
        assertNotEquals(firstInteraction, secondInteraction);
        assertEquals(2, GatewayRows.interactionsOfCustomer(customer));
        assertEquals(1, GatewayRows.messagesOf(firstInteraction));
        assertEquals(1, GatewayRows.outboxRows(InteractionCreated.TYPE, secondInteraction));
    }

    @Test
    void aConversationWhoseTaskCompletedTakesNoMoreMessages() throws Exception {
        String customer = Webhooks.phoneNumber();
        String to = Webhooks.phoneNumber();
        Numbers.Target target = Numbers.map(to);
        String first = Webhooks.messageSid();
        String later = Webhooks.messageSid();
        Webhooks.postSigned(Webhooks.sms(first, customer, to, "hello")).then().statusCode(200);
        String interactionId = GatewayRows.interactionId(first).orElseThrow();
        String taskSid = Numbers.sid("WT");
        String eventId = UUID.randomUUID().toString();

        TaskCompleted completed = new TaskCompleted(taskSid, target.workspaceSid(), Numbers.sid("WQ"),
                interactionId, "resolved", Instant.now());
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TASKS, taskSid,
                EventCodec.encode(completed));
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", TaskCompleted.TYPE.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> GatewayRows.processed(eventId));

        Webhooks.postSigned(Webhooks.sms(later, customer, to, "one more thing")).then().statusCode(200);

        assertEquals("ended", GatewayRows.text("SELECT status FROM interaction WHERE id = ?", interactionId)
                .orElseThrow());
        assertNotEquals(interactionId, GatewayRows.interactionId(later).orElseThrow());
        assertEquals(1, GatewayRows.messagesOf(interactionId));
    }
}
