package org.opencc.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class SignatureRotationTest {
    /** {@code %test.cc.gateway.twilio-auth-token-secondary}. */
    private static final String SECONDARY_TOKEN = "test-twilio-secondary-token-not-secret";

    @Test
    void aSignatureMadeWithTheSecondaryTokenIsAccepted() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "rotating");

        Webhooks.post(params, Webhooks.sign(SECONDARY_TOKEN, Webhooks.SIGNED_URL, params)).then().statusCode(200);

        assertEquals(1, GatewayRows.interactionsFor(messageSid));
    }

    @Test
    void aSignatureCoversTheQueryStringOfTheUrlTwilioCalled() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "with a query");
        String query = "?tenant=acme&source=sms";

        // signed without the query: not the URL Twilio called
        Webhooks.postTo(Webhooks.PATH + query, params, Webhooks.sign(params)).then().statusCode(403);
        assertEquals(0, GatewayRows.interactionsFor(messageSid));

        Webhooks.postTo(Webhooks.PATH + query, params,
                Webhooks.sign(Webhooks.AUTH_TOKEN, Webhooks.SIGNED_URL + query, params)).then().statusCode(200);
        assertEquals(1, GatewayRows.interactionsFor(messageSid));
    }
}
