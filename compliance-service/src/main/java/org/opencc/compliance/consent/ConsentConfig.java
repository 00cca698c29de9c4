package org.opencc.compliance.consent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The key consent records and revocations are signed with, and the keys older records verify with
 * ({@code cc.compliance.consent.*}, README "Consent records"). No key is ever committed.
 */
@ConfigMapping(prefix = "cc.compliance.consent")
public interface ConsentConfig {
    /**
     * The Ed25519 private key itself ({@code CONSENT_SIGNING_KEY}): PKCS#8, as PEM text or as the base64 of its DER
     * bytes. Meant for a Secret injected into the environment. Give this or {@link #signingKeyLocation()}, not both.
     */
    Optional<String> signingKey();

    /**
     * Path (or {@code file:} URI) of a PKCS#8 PEM file holding the Ed25519 private key
     * ({@code CONSENT_SIGNING_KEY_LOCATION}), e.g. what {@code openssl genpkey -algorithm ed25519} writes.
     */
    Optional<String> signingKeyLocation();

    /**
     * PEM files ({@code PUBLIC KEY}, X.509 SubjectPublicKeyInfo) of keys this service signed with before the current
     * one ({@code CC_COMPLIANCE_CONSENT_PREVIOUS_PUBLIC_KEY_LOCATIONS}, comma-separated): after a key rotation,
     * records signed with a previous key still verify, and the key is still published.
     */
    Optional<List<String>> previousPublicKeyLocations();

    /**
     * Whether start-up fails when no signing key is configured ({@code CC_COMPLIANCE_CONSENT_REQUIRE_SIGNING_KEY}).
     * False: a key is generated for the process and loudly logged as development-only (its records stop verifying
     * after a restart). Set it in production.
     */
    @WithDefault("false")
    boolean requireSigningKey();
}
