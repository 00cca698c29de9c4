package org.opencc.testsupport.jwt;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints RS256 JWTs with the claims our services read ({@code sub}, {@code groups}, {@code worker_sid},
 * {@code region}). Tests use a key pair generated per JVM; the launcher keeps one under {@code .suite/keys}.
 * No key is ever committed.
 */
public final class JwtMinter {
    /** The issuer services expect unless {@code JWT_ISSUER} says otherwise. */
    public static final String DEV_ISSUER = "https://opencc.local/dev";
    private static JwtMinter shared;

    private final KeyPair keys;
    private final String issuer;
    private final ObjectMapper json = new ObjectMapper();

    public JwtMinter(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** The minter of this JVM, with a fresh key pair. */
    public static synchronized JwtMinter shared() {
        if (shared == null) {
            shared = new JwtMinter(generateKeys(), DEV_ISSUER);
        }
        return shared;
    }

    public static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the pair from PEM files, creating both first when the private key file does not exist. */
    public static JwtMinter fromDirectory(Path dir, String issuer) throws IOException {
        Path privatePem = dir.resolve("jwt-private.pem");
        Path publicPem = dir.resolve("jwt-public.pem");
        if (!Files.exists(privatePem)) {
            Files.createDirectories(dir);
            KeyPair pair = generateKeys();
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey priv = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privatePem))));
            PublicKey pub = rsa.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicPem))));
            return new JwtMinter(new KeyPair(pub, priv), issuer);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the JWT keys in " + dir, e);
        }
    }

    /** A token for {@code subject} with {@code roles}; {@code workerSid} may be null. Valid for an hour. */
    public String token(String subject, List<String> roles, String workerSid) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (workerSid != null) {
            claims.put("worker_sid", workerSid);
        }
        return token(subject, roles, claims, Duration.ofHours(1));
    }

    public String token(String subject, List<String> roles, Map<String, Object> extraClaims, Duration ttl) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(extraClaims);
        try {
            String header = base64Url(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = base64Url(json.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64Url(rs256.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The public key as PEM, for {@code mp.jwt.verify.publickey}. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** Writes the public key PEM to a temporary file; returns its path. */
    public Path writePublicKey() throws IOException {
        Path file = Files.createTempFile("cc-jwt-public-", ".pem");
        Files.writeString(file, publicKeyPem());
        file.toFile().deleteOnExit();
        return file;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }
}
