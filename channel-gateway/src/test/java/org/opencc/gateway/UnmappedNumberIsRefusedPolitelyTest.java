package org.opencc.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class UnmappedNumberIsRefusedPolitelyTest {

    @Test
    void aMessageToAnUnmappedNumberGetsAPoliteReplyAndARefusalRowButNoInteraction() {
        String messageSid = Webhooks.messageSid();
        String unmapped = Webhooks.phoneNumber();

        Webhooks.postSigned(Webhooks.sms(messageSid, Webhooks.phoneNumber(), unmapped, "anyone there?"))
                .then().statusCode(200).contentType(containsString("application/xml"))
                .body(containsString("<Message>"),
                        containsString("Sorry, this number cannot take messages right now."));

        assertEquals(1, GatewayRows.refusalsFor(messageSid));
        assertEquals("number-not-mapped", GatewayRows.text(
                "SELECT reason FROM intake_refused WHERE message_sid = ?", messageSid).orElseThrow());
        assertEquals(unmapped, GatewayRows.text(
                "SELECT to_number FROM intake_refused WHERE message_sid = ?", messageSid).orElseThrow());
        assertEquals(0, GatewayRows.interactionsFor(messageSid));
    }
}
