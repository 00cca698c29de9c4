package org.opencc.context.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** agent-context settings ({@code cc.context.*}). */
@ConfigMapping(prefix = "cc.context")
public interface ContextConfig {
    /**
     * Budget of one context read's CRM fan-out: every source is asked in parallel, and a source that has not
     * answered when the deadline passes is reported as {@code timeout} while the answer goes out with the rest.
     */
    @WithDefault("800ms")
    Duration deadline();

    /** The demo CRM (deploy/local), the one source so far. */
    Crm crm();

    /** One CRM source. */
    interface Crm {
        /** Base URL; profiles are read from {@code <url>/customers/{customerKey}}. */
        @WithDefault("http://localhost:8090")
        String url();

        /**
         * Timeout of one HTTP request to the CRM (connect and answer). Keep it below {@link ContextConfig#deadline()}, so a
         * slow CRM shows as its own timeout rather than as the overall deadline.
         */
        @WithDefault("700ms")
        Duration timeout();
    }
}
