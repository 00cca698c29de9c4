package org.opencc.taskrouter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** task-router settings. */
@ConfigMapping(prefix = "cc.router")
public interface RouterConfig {
    /**
     * Public base URL of the TaskRouter API; every {@code url}, {@code links} and paging URL starts with it. Unset:
     * the scheme and host the request came to.
     */
    java.util.Optional<String> publicBaseUrl();

    /** Account SID clients authenticate with (HTTP Basic user). */
    String accountSid();

    /** Auth token clients authenticate with (HTTP Basic password). Never logged. */
    String authToken();

    /** How often pending reservations are checked for expiry. */
    @WithDefault("1s")
    Duration expiryInterval();

    /** Capacity a new worker gets on each task channel. */
    @WithDefault("1")
    int defaultChannelCapacity();
}
