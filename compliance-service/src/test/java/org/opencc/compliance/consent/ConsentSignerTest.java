package org.opencc.compliance.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the signing key comes from, what is refused at start-up, and which keys are trusted and published. */
class ConsentSignerTest {
    @TempDir
    Path dir;

    @Test
    void aPkcs8PemFileIsTheSigningKeyAndItsIdIsTheHashOfThePublicKey() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Path file = dir.resolve("consent-signing.pem");
        Files.writeString(file, Ed25519Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        ConsentSigner signer = new ConsentSigner(config(null, file.toString(), null, true));

        assertFalse(signer.ephemeral());
        assertEquals(Ed25519Keys.keyId(pair.getPublic()), signer.currentKeyId());
        String signature = signer.sign("form");
        assertTrue(Ed25519Keys.verify(pair.getPublic(), "form", signature));
        assertNull(signer.problemWith("form", "Ed25519", signer.currentKeyId(), signature));
        assertEquals(List.of(signer.currentKeyId()), signer.keys().stream().map(PublishedKey::keyId).toList());
        assertEquals(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                signer.keys().get(0).publicKey());
        // a file: URI works too
        assertEquals(signer.currentKeyId(),
                new ConsentSigner(config(null, file.toUri().toString(), null, false)).currentKeyId());
    }

    @Test
    void theKeyMayBeGivenAsBase64OrPemText() {
        KeyPair pair = Ed25519Keys.generate();
        byte[] der = pair.getPrivate().getEncoded();
        String id = Ed25519Keys.keyId(pair.getPublic());
        assertEquals(id, new ConsentSigner(config(Base64.getEncoder().encodeToString(der), null, null, true))
                .currentKeyId());
        assertEquals(id, new ConsentSigner(config(Ed25519Keys.pem("PRIVATE KEY", der), null, null, true))
                .currentKeyId());
    }

    @Test
    void withoutAKeyOneIsGeneratedUnlessAKeyIsRequired() {
        ConsentSigner signer = new ConsentSigner(config(null, null, null, false));
        assertTrue(signer.ephemeral());
        assertTrue(signer.keys().get(0).current());

        IllegalStateException required = assertThrows(IllegalStateException.class,
                () -> new ConsentSigner(config(null, null, null, true)));
        assertTrue(required.getMessage().startsWith("no consent signing key configured"), required.getMessage());
    }

    @Test
    void badKeysAndAmbiguousConfigurationStopTheStart() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaKey = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());
        IllegalStateException notEd25519 = assertThrows(IllegalStateException.class,
                () -> new ConsentSigner(config(rsaKey, null, null, true)));
        assertTrue(notEd25519.getMessage().contains("not a PKCS#8 Ed25519 private key"), notEd25519.getMessage());
        assertFalse(notEd25519.getMessage().contains(rsaKey.substring(0, 40)), "the key is never echoed");

        KeyPair pair = Ed25519Keys.generate();
        String publicPem = Ed25519Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded());
        IllegalStateException publicOnly = assertThrows(IllegalStateException.class,
                () -> new ConsentSigner(config(publicPem, null, null, true)));
        assertTrue(publicOnly.getMessage().contains("PEM without a PRIVATE KEY block"), publicOnly.getMessage());

        String key = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        IllegalStateException both = assertThrows(IllegalStateException.class,
                () -> new ConsentSigner(config(key, dir.resolve("k.pem").toString(), null, true)));
        assertTrue(both.getMessage().endsWith("not both"), both.getMessage());
    }

    @Test
    void recordsSignedWithAPreviousKeyStillVerifyAndOthersDoNot() throws Exception {
        KeyPair previous = Ed25519Keys.generate();
        Path previousPem = dir.resolve("previous.pem");
        Files.writeString(previousPem, Ed25519Keys.pem("PUBLIC KEY", previous.getPublic().getEncoded()));
        ConsentSigner signer = new ConsentSigner(config(null, null, List.of(previousPem.toString()), false));
        String previousId = Ed25519Keys.keyId(previous.getPublic());

        assertNull(signer.problemWith("old form", "Ed25519", previousId,
                Ed25519Keys.sign(previous.getPrivate(), "old form")));
        assertEquals(List.of(true, false), signer.keys().stream().map(PublishedKey::current).toList());
        assertEquals(previousId, signer.keys().get(1).keyId());

        KeyPair stranger = Ed25519Keys.generate();
        assertTrue(signer.problemWith("form", "Ed25519", Ed25519Keys.keyId(stranger.getPublic()),
                Ed25519Keys.sign(stranger.getPrivate(), "form")).startsWith("signed with a key this service does not"
                        + " trust"));
        assertEquals("signature is not base64", signer.problemWith("form", "Ed25519", signer.currentKeyId(), "%%"));
    }

    private static ConsentConfig config(String key, String location, List<String> previous, boolean require) {
        return new ConsentConfig() {
            @Override
            public Optional<String> signingKey() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<String> signingKeyLocation() {
                return Optional.ofNullable(location);
            }

            @Override
            public Optional<List<String>> previousPublicKeyLocations() {
                return Optional.ofNullable(previous);
            }

            @Override
            public boolean requireSigningKey() {
                return require;
            }
        };
    }
}
