package org.opencc.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.opencc.testsupport.twilio.FakeTwilioApi;

/**
 * Starts a {@link FakeTwilioApi} and points {@code cc.gateway.twilio-api-base} at it; tests read it through
 * {@link FakeTwilio}.
 */
public class FakeTwilioResource implements QuarkusTestResourceLifecycleManager {
    private static volatile FakeTwilioApi api;

    @Override
    public Map<String, String> start() {
        try {
            api = new FakeTwilioApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("cc.gateway.twilio-api-base", api.baseUrl());
    }

    /** The running fake; fails when this resource did not start it in the test's class loader. */
    static FakeTwilioApi api() {
        if (api == null) {
            throw new IllegalStateException("FakeTwilioResource is not running (or runs in another class loader)");
        }
        return api;
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
