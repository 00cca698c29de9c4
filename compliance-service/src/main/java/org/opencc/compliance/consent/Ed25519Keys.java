package org.opencc.compliance.consent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys and signatures with the JDK alone (no provider to install): parsing PKCS#8 and X.509 keys, the key id,
 * signing and verifying. Error messages name what is wrong with a key, never its bytes.
 */
public final class Ed25519Keys {
    /** The JCA name, also the {@code algorithm} every signature names. */
    public static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {}

    /** A fresh key pair (development: no key configured). */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM since 15 has Ed25519", e);
        }
    }

    /**
     * A private key from PKCS#8, given as PEM text ({@code -----BEGIN PRIVATE KEY-----}) or as the base64 of its DER
     * bytes, with the public key that belongs to it.
     *
     * @throws IllegalArgumentException when it is neither, or not an Ed25519 key
     */
    public static KeyPair parsePrivate(String pemOrBase64) {
        byte[] der = der(pemOrBase64, "PRIVATE KEY");
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key (an RSA or EC key, or damaged?)");
        }
        if (!(key instanceof EdECPrivateKey edKey) || !ALGORITHM.equals(edKey.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        return new KeyPair(derivePublic(edKey), key);
    }

    /**
     * A public key from X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}) or the base64 of its DER.
     *
     * @throws IllegalArgumentException when it is neither, or not an Ed25519 key
     */
    public static PublicKey parsePublic(String pemOrBase64) {
        byte[] der = der(pemOrBase64, "PUBLIC KEY");
        PublicKey key;
        try {
            key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 Ed25519 public key");
        }
        if (!(key instanceof EdECPublicKey edKey) || !ALGORITHM.equals(edKey.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return key;
    }

    /**
     * The key id: lower-case hex SHA-256 of the public key's DER (X.509 SubjectPublicKeyInfo, what
     * {@code GET /v1/consents/keys} publishes), so anyone holding the key can compute and compare it.
     */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The base64 (RFC 4648, padded) Ed25519 signature of the text's UTF-8 bytes. */
    public static String sign(PrivateKey key, String text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the consent signing key", e);
        }
    }

    /**
     * Whether {@code signatureBase64} is the key's signature of the text's UTF-8 bytes.
     *
     * @throws IllegalArgumentException when the signature is not base64
     */
    public static boolean verify(PublicKey key, String text, String signatureBase64) {
        byte[] signatureBytes = Base64.getDecoder().decode(signatureBase64);
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(signatureBytes);
        } catch (java.security.SignatureException e) {
            return false; // e.g. a signature of the wrong length: not this key's signature of this text
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot verify with Ed25519", e);
        }
    }

    /** PEM text of DER bytes, 64 characters a line. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /**
     * The JDK has no call deriving an EdDSA public key from its private key, but its key pair generator derives the
     * public key from 32 random bytes, which for Ed25519 are exactly the private key: feeding it the private key's
     * bytes yields the pair. Checked by a signature round trip, so a JDK that ever changed this fails at start-up
     * rather than signing with a key it publishes wrongly.
     */
    static PublicKey derivePublic(EdECPrivateKey key) {
        byte[] seed = key.getBytes().orElseThrow(
                () -> new IllegalArgumentException("the private key's bytes are not extractable"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            PublicKey derived = generator.generateKeyPair().getPublic();
            String probe = "consent-signing-key-check";
            if (!verify(derived, probe, sign(key, probe))) {
                throw new IllegalStateException("cannot derive the Ed25519 public key on this JDK");
            }
            return derived;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM since 15 has Ed25519", e);
        }
    }

    private static byte[] der(String text, String pemType) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        if (trimmed.startsWith("-----BEGIN")) {
            String begin = "-----BEGIN " + pemType + "-----";
            int start = trimmed.indexOf(begin);
            int end = trimmed.indexOf("-----END " + pemType + "-----");
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("PEM without a " + pemType + " block (PKCS#8 for a private key,"
                        + " X.509 SubjectPublicKeyInfo for a public one)");
            }
            trimmed = trimmed.substring(start + begin.length(), end);
        }
        try {
            return Base64.getMimeDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("neither PEM nor base64");
        }
    }

    // hands the generator the given bytes instead of random ones (derivePublic)
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + out.length + " bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
