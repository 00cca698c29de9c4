package org.opencc.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencc.contracts.Channel;
import org.opencc.contracts.interaction.InteractionCreated;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.erasure.ErasureRequests;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * The only customer datum reporting-service holds is the pseudonymous customer key in the journey event log: an
 * erasure removes it (column and payload) and says how many events it changed; the journey stays.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class ErasureTest {
    @Test
    void anErasureRequestForAnUnknownCustomerIsAnsweredWithNothingErased() {
        String request = ErasureRequests.newRequestId();
        ErasureRequests.publish(request, List.of("ck_" + UUID.randomUUID().toString().replace("-", "")), 1);
        assertEquals(0L, ErasureRequests.awaitAnswers(request, "reporting-service", 1, Duration.ofSeconds(30)).get(0)
                .records());
    }

    @Test
    void anErasureRemovesTheCustomerKeyFromTheJourneyButKeepsTheJourney() {
        String customer = "ck_" + UUID.randomUUID().toString().replace("-", "");
        String interaction = LiveEvents.sid("IN");
        LiveEvents.publish(new InteractionCreated(interaction, Channel.SMS, LiveEvents.sid("WS"),
                LiveEvents.sid("WW"), customer, "US", "us-east", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> JourneyTest.journey(interaction) != null);
        assertEquals(customer, JourneyTest.journey(interaction).getString("events[0].data.customer_key"));

        String request = ErasureRequests.newRequestId();
        ErasureRequests.publish(request, List.of(customer), 1);
        assertEquals(1L, ErasureRequests.awaitAnswers(request, "reporting-service", 1, Duration.ofSeconds(30)).get(0)
                .records());

        JsonPath journey = JourneyTest.journey(interaction);
        assertEquals("interaction.created", journey.getString("events[0].type"));
        assertNull(journey.get("events[0].data.customer_key"));
        assertFalse(journey.prettyPrint().contains(customer), "the key is nowhere in the journey");
    }
}
