package org.opencc.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    /**
     * A second auth token whose signatures are accepted too, while the account's token is rotated
     * ({@code TWILIO_AUTH_TOKEN_SECONDARY}, empty: none). REST calls always use {@link #twilioAuthToken()}.
     */
    Optional<String> twilioAuthTokenSecondary();

    /** The Twilio account that sends agents' replies ({@code TWILIO_ACCOUNT_SID}, {@code AC} + 32 hex). */
    String twilioAccountSid();

    /**
     * Origin of Twilio's REST API ({@code TWILIO_API_BASE}): scheme, host, port. Tests and local suites point it at
     * a fake; the SDK's paths ({@code /2010-04-01/Accounts/...}) are kept.
     */
    @WithDefault("https://api.twilio.com")
    String twilioApiBase();

    /**
     * How long an SMS/WhatsApp conversation stays open after its last message, inbound or outbound
     * ({@code GATEWAY_CONVERSATION_IDLE}). A customer's message within it joins the open interaction; after it,
     * the message opens a new one.
     */
    @WithDefault("30m")
    Duration conversationIdle();

    /** Secret of the keyed hash behind {@code customer_key} ({@code GATEWAY_PSEUDONYM_SECRET}). */
    String pseudonymSecret();

    /**
     * This deployment's region ({@code CC_REGION}): only numbers mapped to it open interactions here, and a number
     * mapping whose request names no region gets it. See {@code org.opencc.gateway.region.Regions}.
     */
    @WithDefault("local")
    String region();

    /**
     * The other regions' deployments, by region name ({@code cc.gateway.regions."<region>".url}); may be empty.
     * A message to a number of one of them is handed to its URL, or refused when it has none.
     */
    Map<String, Region> regions();

    /** Another region's deployment. */
    interface Region {
        /**
         * Base URL of that region's gateway: its {@code cc.gateway.public-url} (scheme, host, port, optional path; https,
         * or http for a loopback host only). Empty: the region is known but not reachable from here, so its messages
         * are refused ({@code policy-residency}).
         */
        Optional<String> url();
    }
}
