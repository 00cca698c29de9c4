package org.opencc.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay of this service. */
@ConfigMapping(prefix = "cc.outbox")
public interface OutboxConfig {
    /** Whether this instance runs a relay. Several replicas may: one at a time holds the advisory lock. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per claim. */
    @WithDefault("200")
    int batchSize();

    /** How long an idle relay waits before it looks again (a commit wakes it sooner). */
    @WithDefault("500ms")
    Duration pollInterval();

    /** The longest wait between attempts while Kafka or PostgreSQL is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** Producer delivery timeout; a batch not acknowledged by then is retried (consumers drop the repeats). */
    @WithDefault("15s")
    Duration deliveryTimeout();
}
