package org.opencc.taskrouter.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the worker event streams ({@code cc.router.worker-events.*}). */
@ConfigMapping(prefix = "cc.router.worker-events")
public interface WorkerEventsConfig {
    /** Interval of the SSE comment that keeps idle connections (and proxies) open. */
    @WithDefault("15s")
    Duration heartbeat();

    /**
     * How often open streams check the log without a notification: the safety net for a lost {@code NOTIFY}
     * (e.g. while the listening connection reconnects). Also the interval of the {@code @Scheduled} job.
     */
    @WithDefault("1s")
    Duration fallbackPoll();

    /** How long events stay replayable with {@code Last-Event-ID}. */
    @WithDefault("P1D")
    Duration retention();

    /** Wait before the listening connection is opened again after it failed. */
    @WithDefault("2s")
    Duration reconnectDelay();
}
