package org.opencc.compliance.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When retention runs and how long a purge waits for a straggler ({@code cc.compliance.retention.*}). */
@ConfigMapping(prefix = "cc.compliance.retention")
public interface RetentionConfig {
    /** Whether this instance requests purges by age ({@code CC_COMPLIANCE_RETENTION_ENABLED}). */
    @WithDefault("true")
    boolean enabled();

    /** How often a run requests purges ({@code CC_COMPLIANCE_RETENTION_INTERVAL}); also the length of a run slot. */
    @WithDefault("1h")
    Duration interval();

    /** How long after start the first run comes ({@code CC_COMPLIANCE_RETENTION_DELAY}). */
    @WithDefault("5m")
    Duration delay();

    /**
     * A service that has not answered a purge this long after its last publication is asked again
     * ({@code CC_COMPLIANCE_RETENTION_RETRY_AFTER}; checked every {@code cc.erasure.retry-every}).
     */
    @WithDefault("30m")
    Duration retryAfter();
}
