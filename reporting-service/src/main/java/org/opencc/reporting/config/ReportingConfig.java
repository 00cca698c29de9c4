package org.opencc.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** reporting-service settings ({@code cc.reporting.*}). */
@ConfigMapping(prefix = "cc.reporting")
public interface ReportingConfig {
    /** The live queue view and its stream. */
    Live live();

    /**
     * Length of the interval metrics' buckets ({@code cc.reporting.interval}): between 1 minute and 1 day, and a
     * whole divisor of a day, so intervals start at UTC midnight and on the same boundaries every day.
     */
    @WithDefault("15m")
    Duration interval();

    /**
     * Abandons sooner than this after the queue entry ({@code cc.reporting.short-abandon}) are short abandons,
     * counted apart from the other abandons and left out of the abandonment rate.
     */
    @WithDefault("10s")
    Duration shortAbandon();

    /**
     * Service-level threshold per queue ({@code cc.reporting.service-level."<queue sid>"}): an accepted task
     * meets the service level when it waited at most this long. Queues not listed use
     * {@link #serviceLevelDefault()}.
     */
    Map<String, Duration> serviceLevel();

    /**
     * Service-level threshold of every queue not listed in {@link #serviceLevel()}
     * ({@code cc.reporting.service-level-default}).
     */
    @WithDefault("20s")
    Duration serviceLevelDefault();

    /**
     * Custom business metrics by name ({@code cc.reporting.metrics.<name>.*}), computed per interval from the
     * journey event log; the grammar is in the README ("Custom metrics") and checked at startup.
     */
    Map<String, CustomMetric> metrics();

    /** One custom metric: a count, a ratio of two counts, or a duration between two events of a task. */
    interface CustomMetric {
        /** {@code count}, {@code ratio} or {@code duration}. */
        String kind();

        /** Shown with the numbers. */
        Optional<String> description();

        /** count: the events counted. */
        Optional<Selector> events();

        /** ratio: the events counted above the line. */
        Optional<Selector> numerator();

        /** ratio: the events counted below the line. */
        Optional<Selector> denominator();

        /** duration: the task's event the clock starts at. */
        Optional<Selector> start();

        /** duration: the task's event the clock stops at (the duration is bucketed by its time). */
        Optional<Selector> end();
    }

    /** Which events a metric takes: one event type, and a condition in the routing expression language. */
    interface Selector {
        /** The event type ({@code ce_type}), e.g. {@code task.completed}. */
        String event();

        /** Over {@code event.*} (the event) and {@code task.*} (its task's attributes); absent: every event. */
        Optional<String> where();
    }

    /** Journeys and the event log behind them ({@code cc.reporting.journeys.*}). */
    Journeys journeys();

    /** Settings of journeys ({@code GET /v1/journeys/...}). */
    interface Journeys {
        /** How long {@code event_log} keeps an event (by its own time); within the topics' 30-day bound. */
        @WithDefault("P30D")
        Duration retention();

        /**
         * How long the next step of an interaction may take before its absence is a finding: a task after
         * {@code interaction.created}, a queue after {@code task.created}. Younger journeys are still in progress.
         */
        @WithDefault("30s")
        Duration stepGrace();

        /** The most interactions one {@code GET /v1/journeys?anomaly=} examines; more and the answer is truncated. */
        @WithDefault("2000")
        int scanLimit();
    }

    /** What the wallboard page shows ({@code cc.reporting.wallboard.*}). */
    Wallboard wallboard();

    /** Settings of the wallboard page, served to it by {@code GET /v1/wallboard/settings}. */
    interface Wallboard {
        /**
         * The service level each queue should reach, in percent (0 to 100): the wallboard colours a queue whose
         * current interval is below it.
         */
        @WithDefault("80")
        double serviceLevelTarget();

        /** How far back the wallboard's chart of offered and accepted tasks per interval reaches (1 to 24 hours). */
        @WithDefault("4h")
        Duration chartSpan();
    }

    /** Settings of the live queue view ({@code cc.reporting.live.*}). */
    interface Live {
        /**
         * How often each open {@code /v1/queues/live/stream} asks PostgreSQL whether the view changed
         * ({@code live_version}); the longest a change applied by any replica takes to reach a client.
         */
        @WithDefault("250ms")
        Duration pollInterval();

        /** How often an open stream sends a comment line, so proxies and clients see the connection alive. */
        @WithDefault("15s")
        Duration heartbeatInterval();

        /** How long an ended task stays in {@code live_task} (its queue listed with zeros) before it is pruned. */
        @WithDefault("P1D")
        Duration endedRetention();
    }
}
