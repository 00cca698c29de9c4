package org.opencc.compliance.consent;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A public key consent signatures verify with, as {@code GET /v1/consents/keys} publishes it.
 *
 * @param keyId lower-case hex SHA-256 of the key's DER, what a signature's {@code key_id} names
 * @param algorithm {@code Ed25519}
 * @param publicKey base64 of the X.509 SubjectPublicKeyInfo DER ({@code X509EncodedKeySpec} in Java)
 * @param publicKeyPem the same as PEM ({@code openssl pkey -pubin} reads it)
 * @param current whether new records are signed with it (else a previous key, still trusted)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PublishedKey(String keyId, String algorithm, String publicKey, String publicKeyPem, boolean current) {}
