package org.opencc.gateway.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opencc.gateway.config.GatewayConfig;

/**
 * Pseudonymous customer keys: a keyed hash (HMAC-SHA256) of the customer's number. Events and other services see
 * only the key; the same number always gets the same key, and without the secret the key reveals nothing.
 */
@ApplicationScoped
public class CustomerKeys {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int HEX_CHARS = 32;
    private final SecretKeySpec secret;

    public CustomerKeys(GatewayConfig config) {
        this.secret = new SecretKeySpec(config.pseudonymSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** {@code ck_} and the first 32 hex digits of the HMAC of {@code number} (E.164, no channel prefix). */
    public String of(String number) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            byte[] digest = mac.doFinal(number.getBytes(StandardCharsets.UTF_8));
            return "ck_" + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
