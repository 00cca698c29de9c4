package org.opencc.compliance;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencc.compliance.audit.AuditService;
import org.opencc.contracts.Topics;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.ids.Sids;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.postgres.PostgresResource;

/** Appenders racing each other (as two consumers or two replicas would) still build one unforked chain. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class AuditChainConcurrencyTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 25;

    @Inject
    AuditService audit;

    @Test
    void concurrentAppendersNeverForkTheChain() throws Exception {
        String subject = Sids.next("WT");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> appenders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String topic = t % 2 == 0 ? Topics.INTERACTIONS : Topics.TASKS;
                appenders.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        // each append is its own transaction, like each consumed record
                        audit.record(topic, null, new InboundEvent(UUID.randomUUID().toString(), "test.raced",
                                "/cc/test", subject, null, Optional.empty()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> appender : appenders) {
                appender.get(60, TimeUnit.SECONDS); // rethrows a failed append (e.g. a refused fork)
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(THREADS * PER_THREAD, count(subject));
        AuditChainTest.verify().body("valid", is(true));
    }

    private static long count(String subject) throws SQLException {
        try (Connection db = PostgresDatabase.connect(AuditChainTest.DATABASE);
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(DISTINCT prev_hash) FROM audit_entry WHERE subject = ?")) {
            query.setString(1, subject);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
