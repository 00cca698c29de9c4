package org.opencc.reporting;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.postgres.PostgresDatabase;

/** Produces task and worker events as task-router would, and reads the live view back. */
final class LiveEvents {
    static final String DATABASE = "reporting_service_test";
    private static KafkaProducer<String, String> producer;

    private LiveEvents() {}

    static String sid(String prefix) {
        return Sids.next(prefix);
    }

    static String token(String role) {
        return JwtMinter.shared().token(role + "-" + UUID.randomUUID(), List.of(role),
                "agent".equals(role) ? sid("WK") : null);
    }

    /** Publishes {@code event} with a fresh {@code ce_id}; returns the id. */
    static String publish(DomainEvent event, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        publish(event, eventId, traceparent);
        return eventId;
    }

    static String publish(DomainEvent event) {
        return publish(event, null);
    }

    /** Publishes {@code event} with the given {@code ce_id}: the same id again is a redelivery. */
    static void publish(DomainEvent event, String eventId, String traceparent) {
        send(event.topic(), event.key(), event.type(), EventCodec.encode(event), eventId, traceparent);
    }

    /** Publishes a record with the given {@code ce_type} and raw value (which may not decode); returns its id. */
    static String publishRaw(String topic, String key, String type, String value) {
        String eventId = UUID.randomUUID().toString();
        send(topic, key, type, value, eventId, null);
        return eventId;
    }

    private static void send(String topic, String key, String type, String value, String eventId,
            String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish " + type, e);
        }
    }

    /** The live view of one workspace, as a supervisor sees it. */
    static JsonPath view(String workspaceSid) {
        return given().auth().oauth2(token("supervisor")).queryParam("workspace_sid", workspaceSid)
                .get("/v1/queues/live").then().statusCode(200).extract().jsonPath();
    }

    /** One queue of the view; null when the view does not list it. */
    static Map<String, Object> queue(String workspaceSid, String taskQueueSid) {
        return view(workspaceSid).getMap("queues.find { it.task_queue_sid == '" + taskQueueSid + "' }");
    }

    /** [pending, reserved, assigned] of a queue; null when the view does not list it. */
    static List<Integer> counts(String workspaceSid, String taskQueueSid) {
        Map<String, Object> queue = queue(workspaceSid, taskQueueSid);
        return queue == null ? null : List.of((Integer) queue.get("pending"), (Integer) queue.get("reserved"),
                (Integer) queue.get("assigned"));
    }

    /** Whether the consumer has recorded {@code eventId} in processed_event. */
    static boolean processed(String eventId) throws SQLException {
        try (Connection db = PostgresDatabase.connect(DATABASE);
                PreparedStatement query = db.prepareStatement(
                        "SELECT 1 FROM processed_event WHERE consumer = 'reporting-service' AND event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }
}
