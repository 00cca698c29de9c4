package org.opencc.context.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** agent-context settings ({@code cc.context.*}). */
@ConfigMapping(prefix = "cc.context")
public interface ContextConfig {
    /**
     * Budget of one context read's CRM fan-out: every source is asked in parallel, and a source that has not
     * answered when the deadline passes is reported as {@code timeout} while the answer goes out with the rest.
     */
    @WithDefault("800ms")
    Duration deadline();

    /**
     * How long a source's profile stays in the context cache after it was fetched (by a prefetch on
     * {@code reservation.created} or by a read); the end of the reservation removes it earlier. Within this time a
     * failing or open-circuit source is answered with the cached profile, labelled {@code stale}.
     */
    @WithName("cache-ttl")
    @WithDefault("10m")
    Duration cacheTtl();

    /**
     * How old a cached profile may be to be served as {@code ok} without asking its source. Older entries (still
     * within {@link #cacheTtl()}) are only a fallback when the source fails.
     */
    @WithName("cache-fresh-for")
    @WithDefault("2m")
    Duration cacheFreshFor();

    /**
     * Redis holding the context cache, {@code redis://[[user]:password@]host[:port][/db]}; absent: an in-process
     * cache (each replica its own).
     */
    @WithName("redis-url")
    Optional<String> redisUrl();

    /** The circuit breaker in front of every CRM source (one breaker per source). */
    @WithName("circuit-breaker")
    CircuitBreaker circuitBreaker();

    /** Circuit breaker settings, the same for every source. */
    interface CircuitBreaker {
        /** Consecutive failures (errors and timeouts; {@code not_found} is an answer) that open a source's circuit. */
        @WithDefault("5")
        int failures();

        /** How long an open circuit stays open before one trial call is let through. */
        @WithDefault("30s")
        Duration delay();
    }

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
