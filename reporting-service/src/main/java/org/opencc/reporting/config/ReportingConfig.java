package org.opencc.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** reporting-service settings ({@code cc.reporting.*}). */
@ConfigMapping(prefix = "cc.reporting")
public interface ReportingConfig {
    /** The live queue view and its stream. */
    Live live();

    /** Settings of the live queue view ({@code cc.reporting.live.*}). */
    interface Live {
        /**
         * How often each open {@code /v1/queues/live/stream} asks PostgreSQL whether the view changed
         * ({@code live_version}); the longest a change applied by any replica takes to reach a client.
         */
        @WithDefault("500ms")
        Duration pollInterval();

        /** How often an open stream sends a comment line, so proxies and clients see the connection alive. */
        @WithDefault("15s")
        Duration heartbeatInterval();

        /** How long an ended task stays in {@code live_task} (its queue listed with zeros) before it is pruned. */
        @WithDefault("P1D")
        Duration endedRetention();
    }
}
