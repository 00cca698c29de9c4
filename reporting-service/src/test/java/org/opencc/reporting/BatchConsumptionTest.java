package org.opencc.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencc.reporting.LiveEvents.counts;
import static org.opencc.reporting.LiveEvents.publish;
import static org.opencc.reporting.LiveEvents.sid;
import static org.opencc.reporting.LiveEvents.view;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * Events published back to back arrive in one polled batch, whose writes are sent together just before its commit:
 * the outcome must be what applying them one by one gives, a redelivery inside the batch must count once, and a
 * batch that changes nothing must not bump the version.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class BatchConsumptionTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void aWholeLifecycleWithARedeliveryInOneBatchEndsAsAppliedOneByOne() {
        Tasks first = new Tasks(sid("WS"), sid("WQ"));
        Tasks second = new Tasks(first.workspaceSid, first.taskQueueSid);
        publish(first.created());
        publish(first.entered(Instant.now()));
        String reserved = publish(first.reserved());
        publish(second.created());
        publish(second.entered(Instant.now()));
        publish(first.accepted());
        // the reservation again under its own id, after the acceptance: it must not move the task back
        publish(first.reserved(), reserved, null);
        publish(second.reserved());

        await().atMost(DEADLINE).until(() -> List.of(0, 1, 1).equals(counts(first.workspaceSid,
                first.taskQueueSid)));
        long version = view(first.workspaceSid).getLong("version");

        // task.created again under new ids changes no row: the batch sends its writes, and the version stays
        String marker = publish(first.created());
        publish(second.created());
        await().atMost(DEADLINE).until(() -> LiveEvents.processed(marker));
        assertEquals(List.of(0, 1, 1), counts(first.workspaceSid, first.taskQueueSid));
        assertEquals(version, view(first.workspaceSid).getLong("version"));
    }
}
