package org.opencc.launcher;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencc.testsupport.twilio.TwilioWebhookSigner;

/**
 * {@code sms-curl}: prints a copy-paste {@code curl} that delivers an inbound SMS to channel-gateway exactly as
 * Twilio would: form-encoded, with a valid {@code X-Twilio-Signature} over {@code GATEWAY_PUBLIC_URL} (default
 * http://localhost:8081) and a fresh MessageSid. Needs {@code TWILIO_ACCOUNT_SID} and {@code TWILIO_AUTH_TOKEN};
 * {@code DEMO_NUMBER} (default +15550100) is the To number.
 */
final class SmsCurlCommand implements Command {
    static final String PATH = "/twilio/messaging/inbound";
    static final String CUSTOMER = "+15557654321";

    private final SecureRandom random = new SecureRandom();

    @Override
    public String usage() {
        return "(configured by GATEWAY_PUBLIC_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, DEMO_NUMBER)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (!args.isEmpty()) {
            throw LauncherException.usage("takes no arguments");
        }
        String base = Settings.env("GATEWAY_PUBLIC_URL", "http://localhost:8081");
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH;
        String authToken = Settings.required("TWILIO_AUTH_TOKEN");

        byte[] id = new byte[16];
        random.nextBytes(id);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SM" + HexFormat.of().formatHex(id));
        params.put("AccountSid", Settings.required("TWILIO_ACCOUNT_SID"));
        params.put("From", CUSTOMER);
        params.put("To", Settings.env("DEMO_NUMBER", "+15550100"));
        params.put("Body", "Hello");
        String signature = new TwilioWebhookSigner(authToken).sign(url, params);

        StringBuilder curl = new StringBuilder("curl -sS -i -X POST ").append(quote(url)).append(" \\\n")
                .append("  -H ").append(quote(TwilioWebhookSigner.HEADER + ": " + signature));
        params.forEach((name, value) -> curl.append(" \\\n  --data-urlencode ").append(quote(name + "=" + value)));
        System.out.println(curl);
        return 0;
    }

    /** Single-quoted for POSIX shells. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
