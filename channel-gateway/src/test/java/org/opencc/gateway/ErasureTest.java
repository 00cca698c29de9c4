package org.opencc.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.testsupport.erasure.ErasureRequests;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

/**
 * An erasure request removes the customer's number and every word of their messages from the gateway, and is
 * answered on cc.compliance-acks.v1; another customer's interaction is untouched.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class ErasureTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void theCustomersNumberAndMessagesAreErasedAndTheRequestAnswered() {
        String customer = Webhooks.phoneNumber();
        String someoneElse = Webhooks.phoneNumber();
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String first = Webhooks.messageSid();
        String other = Webhooks.messageSid();
        Webhooks.postSigned(Webhooks.sms(first, customer, to, "my card is 4111 1111 1111 1111")).then()
                .statusCode(200);
        Webhooks.postSigned(Webhooks.sms(Webhooks.messageSid(), customer, to, "please call me back")).then()
                .statusCode(200);
        Webhooks.postSigned(Webhooks.sms(other, someoneElse, to, "unrelated")).then().statusCode(200);
        String interactionId = GatewayRows.interactionId(first).orElseThrow();
        String customerKey = GatewayRows.text("SELECT customer_key FROM interaction WHERE id = ?", interactionId)
                .orElseThrow();

        String request = ErasureRequests.newRequestId();
        ErasureRequests.publish(request, List.of(customerKey), 1);
        ErasureCompleted answer = ErasureRequests.awaitAnswers(request, "channel-gateway", 1, WITHIN).get(0);
        assertEquals(3, answer.records(), "two message bodies and the interaction");

        assertEquals(0, GatewayRows.interactionsOfCustomer(customer), "the number is gone");
        assertEquals("erased", GatewayRows.text("SELECT customer_address FROM interaction WHERE id = ?",
                interactionId).orElseThrow());
        assertTrue(GatewayRows.text("SELECT string_agg(coalesce(body, ''), '') FROM message WHERE interaction_id = ?",
                interactionId).orElse("").isEmpty(), "no message text is left");
        assertTrue(GatewayRows.text("SELECT body FROM interaction WHERE id = ?", interactionId).isEmpty());
        assertTrue(GatewayRows.text("SELECT ended_at::text FROM interaction WHERE id = ?", interactionId)
                .isPresent(), "the conversation is closed: the next message opens a new interaction");
        assertEquals(1, GatewayRows.interactionsOfCustomer(someoneElse), "another customer is untouched");
        assertEquals("unrelated", GatewayRows.text("SELECT body FROM message WHERE provider_sid = ?", other)
                .orElseThrow());

        ErasureRequests.publish(request, List.of(customerKey), 2);
        assertEquals(0L, ErasureRequests.awaitAnswers(request, "channel-gateway", 2, WITHIN).get(1).records(),
                "a retry erases nothing new and is answered again");
    }
}
