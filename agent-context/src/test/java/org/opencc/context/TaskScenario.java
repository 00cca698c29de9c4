package org.opencc.context;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Topics;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.ReservationRejected;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.kafka.KafkaBroker;

/**
 * One task with fresh ids, and the task-router events about it, produced to {@code cc.tasks.v1} as task-router
 * publishes them (CloudEvents headers, traceparent).
 */
final class TaskScenario {
    final String workspaceSid = Sids.next("WS");
    final String taskSid = Sids.next("WT");
    final String interactionId = Sids.next("IN");
    final String queueSid = Sids.next("WQ");
    final String customerKey;
    /** The interaction's root span context, as task.created carries it. */
    final String rootTraceparent = "00-" + hex(32) + "-" + hex(16) + "-01";

    TaskScenario() {
        this("ck_" + hex(24));
    }

    TaskScenario(String customerKey) {
        this.customerKey = customerKey;
    }

    TaskCreated created() {
        String attributes = "{\"channel\":\"sms\",\"interaction_id\":\"" + interactionId + "\",\"customer_key\":\""
                + customerKey + "\",\"country\":\"US\",\"region\":\"us-east\"}";
        return new TaskCreated(taskSid, workspaceSid, Sids.next("WW"), interactionId, "sms", 0, attributes,
                Instant.now());
    }

    ReservationCreated reserved(String reservationSid, String workerSid) {
        return new ReservationCreated(reservationSid, taskSid, workspaceSid, workerSid, queueSid, interactionId,
                Instant.now());
    }

    ReservationAccepted accepted(String reservationSid, String workerSid) {
        return new ReservationAccepted(reservationSid, taskSid, workspaceSid, workerSid, queueSid, interactionId,
                Instant.now());
    }

    ReservationRejected rejected(String reservationSid, String workerSid) {
        return new ReservationRejected(reservationSid, taskSid, workspaceSid, workerSid, queueSid, interactionId,
                Instant.now());
    }

    TaskCompleted completed() {
        return new TaskCompleted(taskSid, workspaceSid, queueSid, interactionId, "done", Instant.now());
    }

    /** Publishes each event once, with a fresh ce_id. */
    void publish(TaskEvent... events) {
        for (TaskEvent event : events) {
            publish(event, UUID.randomUUID().toString());
        }
    }

    /** Publishes an event with a given ce_id: the same id twice is a redelivery. */
    void publish(TaskEvent event, String eventId) {
        publishEvent(event, eventId, event instanceof TaskCreated ? rootTraceparent : null);
    }

    /** Publishes any event to its topic, once. */
    static void publishEvent(DomainEvent event) {
        publishEvent(event, UUID.randomUUID().toString(), null);
    }

    private static void publishEvent(DomainEvent event, String eventId, String traceparentOrNull) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(),
                EventCodec.encode(event));
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
        String traceparent = traceparentOrNull != null ? traceparentOrNull : "00-" + hex(32) + "-" + hex(16) + "-01";
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record);
            producer.flush();
        }
    }

    /** GET of this task's context with a token, or without one when {@code token} is null. */
    ValidatableResponse read(String token) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.get("/v1/tasks/{taskSid}/context", taskSid).then();
    }

    static String agent(String workerSid) {
        return JwtMinter.shared().token("agent-" + workerSid, List.of("agent"), workerSid);
    }

    static String role(String role) {
        return JwtMinter.shared().token(role + "-user", List.of(role), null);
    }

    static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
