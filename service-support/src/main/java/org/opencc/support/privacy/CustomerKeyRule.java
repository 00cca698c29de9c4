package org.opencc.support.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one rule that turns a customer's address into the pseudonymous {@code customer_key} events and APIs carry:
 * {@code ck_} and the first 32 hex digits of HMAC-SHA256(secret, address), where the address is the E.164 phone
 * number (no {@code whatsapp:} prefix), the lower-cased e-mail address, or a web chat's visitor id. The same
 * address always gets the same key within a deployment (one secret, {@code GATEWAY_PSEUDONYM_SECRET}); without
 * the secret the key reveals nothing. channel-gateway derives keys at intake, compliance-service for erasure
 * requests made by phone number or e-mail.
 */
public final class CustomerKeyRule {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int HEX_CHARS = 32;
    private final SecretKeySpec secret;

    public CustomerKeyRule(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the pseudonym secret is empty");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The key of an address already in its canonical form (E.164, lower-cased e-mail, visitor id). */
    public String of(String address) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            byte[] digest = mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
            return "ck_" + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
