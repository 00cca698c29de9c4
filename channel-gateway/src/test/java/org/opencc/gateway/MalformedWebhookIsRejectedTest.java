package org.opencc.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.interaction.IntakeRefused;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class MalformedWebhookIsRejectedTest {

    @Test
    void aWebhookWithoutFromIsRejectedNamingFrom() {
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = mappedSms(messageSid);
        params.remove("From");

        Webhooks.postSigned(params).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/validation-failed"), "errors.field", hasItem("From"),
                        "errors.field", not(hasItem("To")));

        assertNothingStored(messageSid);
    }

    @Test
    void aMalformedMessageSidIsRejectedNamingMessageSid() {
        String messageSid = "SM" + "XYZ";
        Map<String, String> params = mappedSms(messageSid);

        Webhooks.postSigned(params).then().statusCode(400)
                .body("errors.field", hasItem("MessageSid"), "errors.field", not(hasItem("From")));

        assertNothingStored(messageSid);
    }

    @Test
    void aToThatIsNoPhoneNumberIsRejectedNamingTo() {
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = mappedSms(messageSid);
        params.put("To", "sip:support@example.com");

        Webhooks.postSigned(params).then().statusCode(400)
                .body("errors.field", hasItem("To"), "errors.field", not(hasItem("MessageSid")));

        assertNothingStored(messageSid);
    }

    @Test
    void aBodyLongerThan1600CharactersIsRejectedNamingBody() {
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = mappedSms(messageSid);
        params.put("Body", "x".repeat(1601));

        Webhooks.postSigned(params).then().statusCode(400).body("errors.field", hasItem("Body"));

        assertNothingStored(messageSid);
    }

    private static Map<String, String> mappedSms(String messageSid) {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        return Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello");
    }

    private static void assertNothingStored(String messageSid) {
        assertEquals(0, GatewayRows.interactionsFor(messageSid));
        assertEquals(0, GatewayRows.refusalsFor(messageSid));
        assertEquals(0, GatewayRows.outboxRows(IntakeRefused.TYPE, messageSid), "a malformed webhook is no refusal");
    }
}
