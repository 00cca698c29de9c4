package org.opencc.testsupport.twilio;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests the way Twilio does ({@code X-Twilio-Signature}: base64 HMAC-SHA1 of the URL followed by
 * the form parameters sorted by name). Every signature is checked with the Twilio SDK's {@link RequestValidator}
 * before it is returned, so a test never sends a signature the SDK would not accept.
 */
public final class TwilioWebhookSigner {
    public static final String HEADER = "X-Twilio-Signature";
    private final String authToken;
    private final RequestValidator validator;

    public TwilioWebhookSigner(String authToken) {
        this.authToken = authToken;
        this.validator = new RequestValidator(authToken);
    }

    /** The signature of a form-encoded POST to {@code url} with {@code params}. */
    public String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            signature = Base64.getEncoder().encodeToString(mac.doFinal(data.toString()
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!validator.validate(url, params, signature)) {
            throw new IllegalStateException("the Twilio SDK rejects the signature computed for " + url);
        }
        return signature;
    }
}
