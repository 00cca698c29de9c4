package org.opencc.testsupport.jwt;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Makes a {@code @QuarkusTest} verify tokens of {@link JwtMinter#shared()}. */
public class JwtResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        try {
            return Map.of(
                    "mp.jwt.verify.publickey.location", JwtMinter.shared().writePublicKey().toUri().toString(),
                    "mp.jwt.verify.issuer", JwtMinter.DEV_ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}
}
