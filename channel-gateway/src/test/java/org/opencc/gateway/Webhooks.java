package org.opencc.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.opencc.testsupport.twilio.TwilioWebhookSigner;

/** Twilio's inbound messaging webhook as tests send it: fresh ids, Twilio's parameters, Twilio's signature. */
public final class Webhooks {
    public static final String PATH = "/twilio/messaging/inbound";
    /** {@code %test.cc.gateway.public-url} + path: the URL Twilio would have signed. */
    public static final String SIGNED_URL = "http://localhost:8081" + PATH;
    /** {@code %test.cc.gateway.twilio-auth-token}. */
    public static final String AUTH_TOKEN = "test-twilio-auth-token-not-secret";
    private static final TwilioWebhookSigner SIGNER = new TwilioWebhookSigner(AUTH_TOKEN);

    private Webhooks() {}

    public static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A random US number in the fictional 555 range, never used by another test. */
    public static String phoneNumber() {
        return "+1555" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** The fixture's parameters with this message's ids, addresses and text. */
    public static Map<String, String> sms(String messageSid, String from, String to, String body) {
        Map<String, String> params = fixture("fixtures/twilio/inbound-sms.properties");
        params.put("MessageSid", messageSid);
        params.put("SmsMessageSid", messageSid);
        params.put("SmsSid", messageSid);
        params.put("From", from);
        params.put("To", to);
        params.put("Body", body);
        return params;
    }

    public static String sign(Map<String, String> params) {
        return SIGNER.sign(SIGNED_URL, params);
    }

    /** A signature of a request to {@code url}, made with {@code authToken}. */
    public static String sign(String authToken, String url, Map<String, String> params) {
        return new TwilioWebhookSigner(authToken).sign(url, params);
    }

    /** Posts the parameters to {@code path} (relative to the public URL, query included) with the signature. */
    public static Response postTo(String path, Map<String, String> params, String signature) {
        var request = given().contentType(ContentType.URLENC).formParams(params);
        if (signature != null) {
            request.header(TwilioWebhookSigner.HEADER, signature);
        }
        return request.post(path);
    }

    /** Posts the parameters with a valid signature. */
    public static Response postSigned(Map<String, String> params) {
        return post(params, sign(params));
    }

    /** Posts the parameters with the given signature header (none when null). */
    public static Response post(Map<String, String> params, String signature) {
        var request = given().contentType(ContentType.URLENC).formParams(params);
        if (signature != null) {
            request.header(TwilioWebhookSigner.HEADER, signature);
        }
        return request.post(PATH);
    }

    private static Map<String, String> fixture(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Webhooks.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> params = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> params.put(name, properties.getProperty(name)));
        return params;
    }
}
