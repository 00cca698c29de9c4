package org.opencc.systemtests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencc.testsupport.process.LocalSuite;

/**
 * An inbound SMS as Twilio posts it to channel-gateway's webhook, signed with the suite's Twilio auth token: the
 * real front door of an interaction, so a system test's journey starts where a customer's does.
 */
final class SignedSms {
    private SignedSms() {}

    /** Posts one message from {@code from} to our number {@code to}; answers the gateway's response. */
    static HttpResponse<String> send(LocalSuite suite, HttpClient http, String from, String to, String body)
            throws Exception {
        return send(suite, http, newMessageSid(), from, to, body, true);
    }

    /** A fresh Twilio-shaped message sid. */
    static String newMessageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Posts the message with the given sid (the same sid again is Twilio retrying it); {@code signed} false sends a
     * signature that does not verify, as a forger (or a gateway with the wrong auth token) would see.
     */
    static HttpResponse<String> send(LocalSuite suite, HttpClient http, String messageSid, String from, String to,
            String body, boolean signed) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", messageSid);
        form.put("AccountSid", "AC" + "0".repeat(32));
        form.put("From", from);
        form.put("To", to);
        form.put("Body", body);
        form.put("NumMedia", "0");
        String url = suite.url("channel-gateway") + "/twilio/messaging/inbound";
        String encoded = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signed ? suite.signer().sign(url, form)
                        : "bm90IHRoZSBzaWduYXR1cmUgb2YgdGhpcyByZXF1ZXN0")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh US-style number, so each test has its own customer and its own number. */
    static String randomNumber() {
        return "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
    }
}
