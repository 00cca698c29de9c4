package org.opencc.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
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
import org.opencc.contracts.interaction.InteractionAssigned;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.testsupport.kafka.KafkaBroker;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class ReservationAcceptedAssignsInteractionTest {

    @Test
    void anAcceptedReservationAssignsTheInteractionOnceEvenWhenDeliveredTwice() throws Exception {
        String to = Webhooks.phoneNumber();
        Numbers.Target target = Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Webhooks.postSigned(Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "help"))
                .then().statusCode(200);
        String interactionId = GatewayRows.interactionId(messageSid).orElseThrow();
        String taskSid = Numbers.sid("WT");
        String workerSid = Numbers.sid("WK");
        String eventId = UUID.randomUUID().toString();
        String markerId = UUID.randomUUID().toString();
        ReservationAccepted accepted = new ReservationAccepted(Numbers.sid("WR"), taskSid, target.workspaceSid(),
                workerSid, Numbers.sid("WQ"), interactionId, Instant.now());
        // an event for an interaction that is not ours, after the repeat on the same partition: once it is
        // processed, so are both deliveries before it
        ReservationAccepted notOurs = new ReservationAccepted(Numbers.sid("WR"), taskSid, target.workspaceSid(),
                workerSid, Numbers.sid("WQ"), "IN" + "0".repeat(32), Instant.now());

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(taskSid, eventId, accepted)).get();
            producer.send(record(taskSid, eventId, accepted)).get();
            producer.send(record(taskSid, markerId, notOurs)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> GatewayRows.processed(markerId));
        assertEquals(1, GatewayRows.outboxRows(InteractionAssigned.TYPE, interactionId));
        assertEquals(0, GatewayRows.outboxRows(InteractionAssigned.TYPE, notOurs.interactionId()));
        given().auth().oauth2(Numbers.token("supervisor")).get("/v1/interactions/" + interactionId)
                .then().statusCode(200)
                .body("interaction_id", is(interactionId), "status", is("assigned"), "task_sid", is(taskSid),
                        "worker_sid", is(workerSid), "channel", is("sms"),
                        "workspace_sid", is(target.workspaceSid()), "workflow_sid", is(target.workflowSid()),
                        "$", not(hasKey("from")), "$", not(hasKey("body")));
    }

    @Test
    void anUnknownInteractionIsNotFound() {
        given().auth().oauth2(Numbers.token("admin")).get("/v1/interactions/IN" + "f".repeat(32))
                .then().statusCode(404);
    }

    private static ProducerRecord<String, String> record(String key, String eventId, ReservationAccepted event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TASKS, key, EventCodec.encode(event));
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", ReservationAccepted.TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
