package org.opencc.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of channel-gateway ({@code cc.gateway.*}). */
@ConfigMapping(prefix = "cc.gateway")
public interface GatewayConfig {
    /**
     * The URL Twilio calls us at: scheme, host and port, no trailing slash ({@code GATEWAY_PUBLIC_URL}). Twilio
     * signs the URL it called, so behind a proxy this is the proxy's URL, not ours.
     */
    @WithDefault("http://localhost:8081")
    String publicUrl();

    /** The Twilio account's auth token, the key of {@code X-Twilio-Signature} ({@code TWILIO_AUTH_TOKEN}). */
    String twilioAuthToken();

    /** Secret of the keyed hash behind {@code customer_key} ({@code GATEWAY_PSEUDONYM_SECRET}). */
    String pseudonymSecret();

    /** Region a number mapping gets when its request names none ({@code CC_REGION}). */
    @WithDefault("local")
    String region();
}
