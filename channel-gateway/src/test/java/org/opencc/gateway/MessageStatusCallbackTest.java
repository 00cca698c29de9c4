package org.opencc.gateway;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
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
class MessageStatusCallbackTest {
    private static final String PATH = "/twilio/messaging/status";
    private static final String SIGNED_URL = "http://localhost:8081" + PATH;

    @Test
    void aDeliveredStatusIsNotOverwrittenByALateSentCallback() {
        String providerSid = sentReply();

        callback(providerSid, "delivered").then().statusCode(200);
        callback(providerSid, "sent").then().statusCode(200);

        assertEquals("delivered", statusOf(providerSid));
        callback(providerSid, "read").then().statusCode(200);
        assertEquals("read", statusOf(providerSid));
    }

    @Test
    void anUnknownMessageSidIsAcknowledgedSoTwilioStopsRetrying() {
        String unknown = Webhooks.messageSid();

        callback(unknown, "delivered").then().statusCode(200);

        assertEquals(0, Integer.parseInt(GatewayRows.text("SELECT count(*) FROM message WHERE provider_sid = ?",
                unknown).orElseThrow()));
    }

    @Test
    void aForgedCallbackIsRefusedAndChangesNothing() {
        String providerSid = sentReply();
        Map<String, String> params = params(providerSid, "failed");

        Webhooks.postTo(PATH, params, Webhooks.sign("not-our-token", SIGNED_URL, params))
                .then().statusCode(403).body("type", endsWith("/signature-invalid"));

        assertEquals("sent", statusOf(providerSid));
    }

    private static String sentReply() {
        String worker = Numbers.sid("WK");
        String interactionId = Replies.interaction(Webhooks.phoneNumber(), Webhooks.phoneNumber(), worker);
        return Replies.post(Replies.agentToken(worker), interactionId, "Thanks", null)
                .then().statusCode(201).extract().path("provider_sid");
    }

    private static io.restassured.response.Response callback(String messageSid, String status) {
        Map<String, String> params = params(messageSid, status);
        return Webhooks.postTo(PATH, params, Webhooks.sign(Webhooks.AUTH_TOKEN, SIGNED_URL, params));
    }

    // the parameters of Twilio's messaging status callback
    private static Map<String, String> params(String messageSid, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", messageSid);
        params.put("SmsSid", messageSid);
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        params.put("From", Webhooks.phoneNumber());
        params.put("To", Webhooks.phoneNumber());
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    private static String statusOf(String providerSid) {
        return GatewayRows.text("SELECT status FROM message WHERE provider_sid = ?", providerSid).orElseThrow();
    }
}
