package org.opencc.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.erasure.ErasureRequests;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * reporting-service holds no customer data, and says so: an erasure request is answered with nothing erased, so
 * the request can complete. (StartupTest's schema checks are where a customer column would first show up.)
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ErasureTest {
    @Test
    void anErasureRequestIsAnsweredWithNothingErased() {
        String request = ErasureRequests.newRequestId();
        ErasureRequests.publish(request, List.of("ck_0123456789abcdef0123456789abcdef"), 1);
        assertEquals(0L, ErasureRequests.awaitAnswers(request, "reporting-service", 1, Duration.ofSeconds(30)).get(0)
                .records());
    }
}
