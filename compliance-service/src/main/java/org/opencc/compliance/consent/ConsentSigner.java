package org.opencc.compliance.consent;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Signs consent records and revocations with the deployment's Ed25519 key and verifies them with the keys it trusts:
 * the current key and any previous ones configured (rotation). Eager, so a missing required key or a bad one stops
 * the service from starting instead of failing its first capture.
 *
 * <p>Trust comes from configuration only, never from the database: someone able to edit the consent tables could
 * add a key of their own and re-sign an edited row, but cannot make this service trust that key.
 */
@Startup
@ApplicationScoped
public class ConsentSigner {
    private static final Logger LOG = Logger.getLogger(ConsentSigner.class);

    private final KeyPair current;
    private final String currentKeyId;
    private final boolean ephemeral;
    /** key id → public key, the current key first. */
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    public ConsentSigner(ConsentConfig consent) {
        if (consent.signingKey().isPresent() && consent.signingKeyLocation().isPresent()) {
            throw new IllegalStateException("consent signing key: give cc.compliance.consent.signing-key"
                    + " (CONSENT_SIGNING_KEY) or cc.compliance.consent.signing-key-location"
                    + " (CONSENT_SIGNING_KEY_LOCATION), not both");
        }
        if (consent.signingKey().isPresent()) {
            current = parsePrivate(consent.signingKey().get(), "cc.compliance.consent.signing-key");
            ephemeral = false;
        } else if (consent.signingKeyLocation().isPresent()) {
            String location = consent.signingKeyLocation().get();
            current = parsePrivate(read(location), "the key file " + location);
            ephemeral = false;
        } else if (consent.requireSigningKey()) {
            throw new IllegalStateException("no consent signing key configured and"
                    + " cc.compliance.consent.require-signing-key is true: set CONSENT_SIGNING_KEY_LOCATION to a PKCS#8"
                    + " PEM file of an Ed25519 key (openssl genpkey -algorithm ed25519) or CONSENT_SIGNING_KEY");
        } else {
            current = Ed25519Keys.generate();
            ephemeral = true;
        }
        currentKeyId = Ed25519Keys.keyId(current.getPublic());
        trusted.put(currentKeyId, current.getPublic());
        for (String location : consent.previousPublicKeyLocations().orElse(List.of())) {
            PublicKey previous;
            try {
                previous = Ed25519Keys.parsePublic(read(location));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("previous consent public key " + location + ": " + e.getMessage());
            }
            trusted.putIfAbsent(Ed25519Keys.keyId(previous), previous);
        }
        if (ephemeral) {
            LOG.warnf("%n"
                    + "****************************************************************************************%n"
                    + "** NO CONSENT SIGNING KEY CONFIGURED: generated an Ed25519 key for this process only%n"
                    + "** (key id %s).%n"
                    + "** DEVELOPMENT ONLY: consent records signed now stop verifying when the service restarts.%n"
                    + "** Set CONSENT_SIGNING_KEY_LOCATION (a PKCS#8 PEM file) or CONSENT_SIGNING_KEY, and%n"
                    + "** CC_COMPLIANCE_CONSENT_REQUIRE_SIGNING_KEY=true in production.%n"
                    + "****************************************************************************************",
                    currentKeyId);
        } else {
            LOG.infof("consent records are signed with Ed25519 key %s; %d key(s) trusted for verification",
                    currentKeyId, trusted.size());
        }
    }

    /** The id of the key new records are signed with; it is part of what is signed. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** Whether the current key was generated at start-up (no key configured). */
    public boolean ephemeral() {
        return ephemeral;
    }

    /** The base64 signature of a canonical form, with the current key. */
    public String sign(String canonicalForm) {
        return Ed25519Keys.sign(current.getPrivate(), canonicalForm);
    }

    /**
     * Checks a stored signature against a canonical form recomputed from the stored row.
     *
     * @return null when it verifies, else why not (no key material, no row values)
     */
    public String problemWith(String canonicalForm, String algorithm, String keyId, String signature) {
        if (!Ed25519Keys.ALGORITHM.equals(algorithm)) {
            return "unsupported signature algorithm";
        }
        PublicKey key = trusted.get(keyId);
        if (key == null) {
            return "signed with a key this service does not trust (not the current key nor a configured previous"
                    + " one; a development key from an earlier start?)";
        }
        try {
            return Ed25519Keys.verify(key, canonicalForm, signature) ? null
                    : "signature does not match the canonical form: the row or its signature was changed after"
                            + " signing";
        } catch (IllegalArgumentException e) {
            return "signature is not base64";
        }
    }

    /** Every trusted key, the current one first: what {@code GET /v1/consents/keys} publishes. */
    public List<PublishedKey> keys() {
        List<PublishedKey> keys = new ArrayList<>();
        trusted.forEach((id, key) -> keys.add(new PublishedKey(id, Ed25519Keys.ALGORITHM,
                Base64.getEncoder().encodeToString(key.getEncoded()), Ed25519Keys.pem("PUBLIC KEY", key.getEncoded()),
                id.equals(currentKeyId))));
        return keys;
    }

    private static KeyPair parsePrivate(String text, String where) {
        try {
            return Ed25519Keys.parsePrivate(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("consent signing key from " + where + ": " + e.getMessage());
        }
    }

    private static String read(String location) {
        try {
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the consent key file " + location, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("not a file path or file: URI: " + location);
        }
    }
}
