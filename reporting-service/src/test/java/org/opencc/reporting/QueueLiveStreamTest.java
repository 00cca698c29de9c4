package org.opencc.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencc.reporting.LiveEvents.counts;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.sid;
import static org.opencc.reporting.LiveEvents.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class QueueLiveStreamTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TestHTTPResource("/v1/queues/live/stream")
    URI stream;

    @Test
    void theStreamSendsTheSnapshotAtOnceAndAgainWhenAnEventChangesIt() throws Exception {
        Tasks task = new Tasks(sid("WS"), sid("WQ"));
        publish(task.created());
        publish(task.entered(Instant.now()));
        await().atMost(DEADLINE).until(() -> List.of(1, 0, 0).equals(counts(task.workspaceSid, task.taskQueueSid)));

        try (SseEvents sse = SseEvents.open(URI.create(stream + "?workspace_sid=" + task.workspaceSid),
                token("supervisor"), "queues")) {
            assertEquals(200, sse.response.statusCode());
            assertTrue(sse.response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            BlockingQueue<JsonPath> snapshots = sse.events;
            JsonPath first = snapshots.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(first, "no snapshot within the deadline");
            assertEquals(List.of(1, 0, 0), countsIn(first, task.taskQueueSid));
            assertNotNull(Instant.parse(first.getString("as_of")));

            publish(task.reserved());

            JsonPath changed = nextWith(snapshots, task.taskQueueSid, List.of(0, 1, 0));
            assertTrue(changed.getLong("version") > first.getLong("version"));
        }
    }

    private static JsonPath nextWith(BlockingQueue<JsonPath> snapshots, String taskQueueSid, List<Integer> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            JsonPath snapshot = snapshots.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(snapshot, "no snapshot with " + expected + " within the deadline");
            if (expected.equals(countsIn(snapshot, taskQueueSid))) {
                return snapshot;
            }
        }
    }

    private static List<Integer> countsIn(JsonPath snapshot, String taskQueueSid) {
        Map<String, Object> queue = snapshot.getMap("queues.find { it.task_queue_sid == '" + taskQueueSid + "' }");
        return queue == null ? null : List.of((Integer) queue.get("pending"), (Integer) queue.get("reserved"),
                (Integer) queue.get("assigned"));
    }
}
