package org.opencc.context.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** agent-context settings ({@code cc.context.*}); the sources are described in the README, "Adding a source". */
@ConfigMapping(prefix = "cc.context")
public interface ContextConfig {
    /**
     * Budget of a context read when the caller gives no {@code budget_ms}: every source is asked in parallel, and
     * a source that has not answered when the budget is spent is reported as {@code timeout} while the answer goes
     * out with the rest. The late call goes on in the background, up to the source's own timeout, and warms the
     * cache.
     */
    @WithDefault("300ms")
    Duration budget();

    /** The largest {@code budget_ms} a caller may ask for; larger values are capped to it. */
    @WithName("max-budget")
    @WithDefault("2s")
    Duration maxBudget();

    /**
     * How long a source's answer stays in the context cache after it was fetched (by a prefetch on
     * {@code reservation.created} or by a read); the end of the reservation removes it earlier. Within this time a
     * failing or open-circuit source is answered with the cached value, labelled {@code stale}. A source may set
     * its own ({@code cache-ttl} of the source).
     */
    @WithName("cache-ttl")
    @WithDefault("10m")
    Duration cacheTtl();

    /**
     * How old a cached answer may be to be served as {@code ok} without asking its source. Older entries (still
     * within the TTL) are only a fallback when the source fails.
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

    /** The circuit breaker in front of every source (one breaker per source). */
    @WithName("circuit-breaker")
    CircuitBreaker circuitBreaker();

    /**
     * Member names masked for agents wherever they appear in the document, in addition to each source's own
     * {@code sensitive} list (matched case-insensitively). Supervisors and admins see them unmasked.
     */
    @WithName("sensitive-fields")
    @WithDefault("card_number,pan,national_id,ssn,iban,tax_id,passport_number,date_of_birth")
    List<String> sensitiveFields();

    /** Our own interaction history of the customer, in every context document. */
    History history();

    /**
     * task-router, asked when the reservation view says an agent holds no reservation of the task: the view follows
     * {@code cc.tasks.v1} and may lag behind a reservation just offered.
     */
    Router router();

    /** The configured sources by name (the name is what {@code sources[].name} reports). */
    Map<String, Source> sources();

    /** Circuit breaker settings, the same for every source. */
    interface CircuitBreaker {
        /** Consecutive failures (errors and timeouts; {@code not_found} is an answer) that open a source's circuit. */
        @WithDefault("5")
        int failures();

        /** How long an open circuit stays open before one trial call is let through. */
        @WithDefault("30s")
        Duration delay();
    }

    /** Where task-router is. */
    interface Router {
        /** Base URL, e.g. {@code http://task-router:8082}; absent: the view alone decides. */
        Optional<String> url();

        /** One confirmation call; on timeout the view's answer stands. */
        @WithDefault("500ms")
        Duration timeout();
    }

    /** How much history a context document carries. */
    interface History {
        /** At most this many interactions, newest first. */
        @WithDefault("20")
        int limit();

        /** Interactions older than this are left out. */
        @WithName("max-age")
        @WithDefault("90d")
        Duration maxAge();
    }

    /** One HTTP-JSON source: a CRM, an order system, a billing API. */
    interface Source {
        /** A source can be kept in the configuration but not asked. */
        @WithDefault("true")
        boolean enabled();

        /** Base URL, {@code http} or {@code https}, e.g. {@code https://crm.example.com/api}. */
        String url();

        /**
         * Path template appended to {@link #url()}: {@code {customer_key}}, {@code {task_sid}},
         * {@code {interaction_id}}, {@code {workspace_sid}}, {@code {channel}} and {@code {task.attributes.<name>}}
         * (a member of the task's attributes, dotted for nested ones) are replaced, URL-encoded. A read without a
         * value for a variable skips the source ({@code skipped}).
         */
        @WithDefault("/customers/{customer_key}")
        String path();

        /**
         * Where the answer goes: {@code customer} merges its members into the customer profile (the first source
         * by name wins a member); {@code records} puts it under {@code records.<section>}.
         */
        @WithDefault("records")
        String into();

        /** The member of {@code records} for this source; the source's name when absent. */
        Optional<String> section();

        /**
         * Timeout of one call (connect, headers and body). It may exceed the read's budget: a call still running at
         * the budget is reported as {@code timeout} but goes on, up to this, to warm the cache.
         */
        @WithDefault("2s")
        Duration timeout();

        /** Whether a read without any answer from this source (not even a stale one) is incomplete. */
        @WithDefault("false")
        boolean required();

        /** How long this source's answers are cached; {@code cc.context.cache-ttl} when absent. */
        @WithName("cache-ttl")
        Optional<Duration> cacheTtl();

        /** Largest body accepted, in bytes; a larger one is this source's {@code error}. */
        @WithName("max-body-bytes")
        @WithDefault("262144")
        int maxBodyBytes();

        /** Calls in flight at most (bulkhead); a read finding it full skips the source. */
        @WithName("max-concurrent")
        @WithDefault("64")
        int maxConcurrent();

        /** The credentials sent with every call, if the source needs any. */
        Optional<Auth> auth();

        /**
         * What to take from the answer: document member name → JSON Pointer into the body (RFC 6901, e.g.
         * {@code /data/0/tier}). Empty: the whole body (which must be an object for {@code into=customer}).
         */
        Map<String, String> map();

        /** Members of this source's part masked for agents, in addition to {@code cc.context.sensitive-fields}. */
        Optional<List<String>> sensitive();
    }

    /** A header carrying a secret. The secret itself never sits in the configuration: it is read from an
     * environment variable or a file (a mounted Kubernetes secret). */
    interface Auth {
        @WithDefault("Authorization")
        String header();

        /** A scheme put before the secret with one space, e.g. {@code Bearer}; none when absent. */
        Optional<String> scheme();

        /** Name of the environment variable holding the secret. */
        @WithName("secret-env")
        Optional<String> secretEnv();

        /** Path of a file holding the secret (trailing whitespace trimmed). */
        @WithName("secret-file")
        Optional<String> secretFile();
    }
}
