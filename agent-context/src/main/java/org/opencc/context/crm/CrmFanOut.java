package org.opencc.context.crm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.opencc.context.cache.CachedProfile;
import org.opencc.context.cache.ContextCache;
import org.opencc.context.config.ContextConfig;

/**
 * Asks every source in parallel and answers within the read's budget with what arrived. A source still running
 * when the budget is spent is reported as {@code timeout}, but its call goes on (up to the source's own timeout) and
 * its answer warms the cache for the next read; no source's failure fails the read.
 *
 * <p>Each source is asked through its circuit breaker and bulkhead ({@link SourceBreakers}), and its answers are
 * kept in the {@link ContextCache} per task (or per customer, for reads without a task): a read serves a cached
 * answer younger than {@code cc.context.cache-fresh-for} without asking the source ({@code ok} with
 * {@code fetched_at}, {@code age_ms}); when a source fails, times out or its circuit is open, a cached answer of any
 * age within its TTL answers instead, labelled {@code stale}.
 */
@ApplicationScoped
public class CrmFanOut {
    private static final Logger LOG = Logger.getLogger(CrmFanOut.class);
    private final List<CrmSource> sources;
    private final Duration freshFor;
    private final ContextCache cache;
    private final Clock clock;
    private final SourceBreakers breakers;
    private final Map<String, Counter> hits = new HashMap<>();
    private final Map<String, Counter> misses = new HashMap<>();

    public CrmFanOut(SourceRegistry registry, ContextConfig config, ContextCache cache, Clock clock,
            MeterRegistry meters) {
        this.sources = registry.sources();
        this.freshFor = config.cacheFreshFor();
        this.cache = cache;
        this.clock = clock;
        this.breakers = new SourceBreakers(this.sources, config.circuitBreaker());
        for (CrmSource source : this.sources) {
            // Prometheus: context_prefetch_hits_total / context_prefetch_misses_total
            hits.put(source.name(), Counter.builder("context.prefetch.hits").tag("source", source.name())
                    .description("Context reads a source answered from the cache, without a call").register(meters));
            misses.put(source.name(), Counter.builder("context.prefetch.misses").tag("source", source.name())
                    .description("Context reads that had to call the source").register(meters));
        }
    }

    /** The sources every read asks, sorted by name. */
    public List<CrmSource> sources() {
        return sources;
    }

    /**
     * Answers a read within {@code budget}.
     *
     * @param mayCache asked before an answer that arrives after the read returned is cached (the reservation may
     *     have ended meanwhile)
     */
    public FanOutResult fetch(ContextSubject subject, Duration budget, BooleanSupplier mayCache) {
        return fetch(subject, budget, System.nanoTime(), mayCache);
    }

    /**
     * Answers a read that began at {@code readStartNanos} ({@link System#nanoTime()}) within {@code budget} of that
     * moment: what the read spent before asking the sources (waiting for its task) is not given to them again.
     */
    public FanOutResult fetch(ContextSubject subject, Duration budget, long readStartNanos,
            BooleanSupplier mayCache) {
        long start = System.nanoTime();
        Map<String, CachedProfile> cached = new HashMap<>();
        Map<String, Call> calls = new LinkedHashMap<>();
        for (CrmSource source : sources) {
            Optional<CachedProfile> entry = cache.get(subject.cacheScope(), source.name());
            entry.ifPresent(profile -> cached.put(source.name(), profile));
            if (entry.isPresent() && ageMs(entry.get()) < freshFor.toMillis()) {
                hits.get(source.name()).increment();
            } else {
                misses.get(source.name()).increment();
                calls.put(source.name(), start(source, subject, start, mayCache));
            }
        }
        awaitAll(calls.values(), readStartNanos + budget.toNanos());
        Map<String, Object> customer = new LinkedHashMap<>();
        Map<String, Object> records = new LinkedHashMap<>();
        List<SourceReport> reports = new ArrayList<>();
        List<String> missingRequired = new ArrayList<>();
        for (CrmSource source : sources) {
            SourceDefinition definition = source.definition();
            Call call = calls.get(source.name());
            CachedProfile entry = cached.get(source.name());
            SourceReport report;
            Object value = null;
            if (call == null) {
                value = entry.value();
                report = fromCache(definition, SourceStatus.OK, null, entry);
            } else {
                Outcome outcome = outcome(call, budget);
                if (outcome.profile != null) {
                    value = outcome.profile.value();
                    report = new SourceReport(source.name(), SourceStatus.OK, definition.required(),
                            outcome.latencyMs, null);
                } else if (entry != null && outcome.status != SourceStatus.NOT_FOUND
                        && outcome.status != SourceStatus.SKIPPED) {
                    value = entry.value();
                    report = fromCache(definition, SourceStatus.STALE, outcome.status.value() + ": " + outcome.detail,
                            entry);
                } else {
                    report = new SourceReport(source.name(), outcome.status, definition.required(), outcome.latencyMs,
                            outcome.detail);
                }
            }
            reports.add(report);
            if (value != null) {
                place(definition, value, customer, records);
            } else if (definition.required()) {
                missingRequired.add(source.name());
            }
        }
        return new FanOutResult(customer.isEmpty() ? Optional.empty() : Optional.of(customer), records, reports,
                missingRequired);
    }

    /**
     * Asks every source for the subject and caches each answer as it arrives, if {@code mayCache} still says so
     * then. Returns at once: the calls run on the HTTP client's threads, bounded by each source's timeout.
     */
    public void prefetch(ContextSubject subject, BooleanSupplier mayCache) {
        long start = System.nanoTime();
        for (CrmSource source : sources) {
            start(source, subject, start, mayCache);
        }
    }

    /** Forgets every source's cached answer for the task. */
    public void forget(String taskSid) {
        for (CrmSource source : sources) {
            cache.delete(taskSid, source.name());
        }
    }

    /** Forgets every source's cached answer of reads by customer key. */
    public void forgetCustomer(String customerKey) {
        forget(ContextSubject.ofCustomer(customerKey).cacheScope());
    }

    /**
     * Forgets every cached answer fetched before {@code cutoff}, of tasks and of reads by customer, except those of
     * a cache scope ({@link ContextSubject#cacheScope()}) {@code held} accepts.
     *
     * @return how many cached answers were forgotten
     */
    public long forgetFetchedBefore(Instant cutoff, Predicate<String> held) {
        return cache.forgetFetchedBefore(cutoff, held);
    }

    @SuppressWarnings("unchecked")
    private static void place(SourceDefinition definition, Object value, Map<String, Object> customer,
            Map<String, Object> records) {
        if (definition.into() == SourceDefinition.Into.CUSTOMER && value instanceof Map<?, ?> members) {
            ((Map<String, Object>) members).forEach(customer::putIfAbsent);
        } else {
            records.put(definition.section(), value);
        }
    }

    private SourceReport fromCache(SourceDefinition definition, SourceStatus status, String detail,
            CachedProfile entry) {
        return new SourceReport(definition.name(), status, definition.required(), 0, detail, entry.fetchedAt(),
                ageMs(entry));
    }

    private long ageMs(CachedProfile entry) {
        return Math.max(0, clock.millis() - entry.fetchedAt().toEpochMilli());
    }

    /** Starts a call; its answer is cached when it arrives, however late, unless {@code mayCache} says no. */
    private Call start(CrmSource source, ContextSubject subject, long start, BooleanSupplier mayCache) {
        CompletableFuture<Profile> future = breakers.call(source, subject);
        AtomicLong finished = new AtomicLong(-1);
        future.whenComplete((profile, error) -> {
            finished.compareAndSet(-1, System.nanoTime());
            if (profile != null) {
                try {
                    if (mayCache.getAsBoolean()) {
                        cache.put(subject.cacheScope(), source.name(), new CachedProfile(profile.value(),
                                clock.instant()), source.definition().cacheTtl());
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("the answer of source %s could not be cached: %s", source.name(), e.toString());
                }
            }
        });
        return new Call(source.name(), future, start, finished);
    }

    private static void awaitAll(java.util.Collection<Call> calls, long deadlineNanos) {
        CompletableFuture<?>[] futures = calls.stream().map(Call::future).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).get(Math.max(0, deadlineNanos - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // late and failed sources are reported one by one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How a call stood when the budget was spent; one still running is a timeout of this read. */
    private static Outcome outcome(Call call, Duration budget) {
        if (!call.future.isDone()) {
            return new Outcome(null, SourceStatus.TIMEOUT, "no answer within the read's " + budget.toMillis()
                    + " ms budget (the call goes on to warm the cache)", budget.toMillis());
        }
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(Math.max(0, call.finished.get() - call.start));
        try {
            return new Outcome(call.future.join(), SourceStatus.OK, null, latencyMs);
        } catch (CompletionException e) {
            if (e.getCause() instanceof CrmFailure failure) {
                return new Outcome(null, failure.status(), failure.detail(), latencyMs);
            }
            LOG.warnf("source %s failed unexpectedly: %s", call.name, String.valueOf(e.getCause()));
            return new Outcome(null, SourceStatus.ERROR, "unexpected failure", latencyMs);
        }
    }

    private record Call(String name, CompletableFuture<Profile> future, long start, AtomicLong finished) {}

    private record Outcome(Profile profile, SourceStatus status, String detail, long latencyMs) {}
}
