package org.opencc.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.opencc.testsupport.jwt.JwtResource;
import org.opencc.testsupport.kafka.KafkaResource;
import org.opencc.testsupport.postgres.PostgresResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.tracing.SpanFile;
import org.opencc.testsupport.twilio.TwilioWebhookSigner;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(FakeTwilioResource.class)
class ForgedSignatureIsRejectedTest {

    @Test
    void aForgedSignatureIsRefusedWith403AndStoresNothing() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello");
        // signed by someone with another token
        String forged = new TwilioWebhookSigner("not-our-token").sign(Webhooks.SIGNED_URL, params);
        String traceparent = SpanFile.newTraceparent();

        given().contentType(ContentType.URLENC).formParams(params)
                .header(TwilioWebhookSigner.HEADER, forged).header("traceparent", traceparent)
                .post(Webhooks.PATH)
                .then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/signature-invalid"), "status", is(403));

        assertEquals(0, GatewayRows.interactionsFor(messageSid));
        assertEquals(0, GatewayRows.refusalsFor(messageSid));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> spans = SpanFile.ofTrace(SpanFile.traceId(traceparent));
            assertTrue(spans.stream().anyMatch(span -> "signature-invalid".equals(
                    span.path("attributes").path("cc.failure").asText())), "span names the failure: " + spans);
        });
    }

    @Test
    void aSignatureForOtherParametersIsRefused() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();
        Map<String, String> params = Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello");
        String signature = Webhooks.sign(params);
        params.put("Body", "tampered");

        Webhooks.post(params, signature).then().statusCode(403)
                .body("type", endsWith("/signature-invalid"));

        assertEquals(0, GatewayRows.interactionsFor(messageSid));
    }

    @Test
    void aMissingSignatureIsRefusedWith403AndStoresNothing() {
        String to = Webhooks.phoneNumber();
        Numbers.map(to);
        String messageSid = Webhooks.messageSid();

        Webhooks.post(Webhooks.sms(messageSid, Webhooks.phoneNumber(), to, "hello"), null)
                .then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("type", endsWith("/signature-invalid"));

        assertEquals(0, GatewayRows.interactionsFor(messageSid));
        assertEquals(0, GatewayRows.refusalsFor(messageSid));
    }
}
