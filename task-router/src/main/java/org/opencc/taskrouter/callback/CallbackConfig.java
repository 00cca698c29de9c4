package org.opencc.taskrouter.callback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of assignment and event callbacks ({@code cc.router.callbacks.*}). */
@ConfigMapping(prefix = "cc.router.callbacks")
public interface CallbackConfig {
    /** How long one POST may take, connecting included, before it counts as {@code callback-timeout}. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * How many times a POST is tried when the connection is refused. Only a refused connection is retried: after
     * that the customer may have received the request, and a callback must never arrive twice.
     */
    @WithDefault("3")
    int refusedAttempts();

    /** Wait between two attempts after a refused connection. */
    @WithDefault("200ms")
    Duration refusedBackoff();
}
