package org.opencc.context.crm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.opencc.context.cache.CachedProfile;
import org.opencc.context.cache.ContextCache;
import org.opencc.context.config.ContextConfig;

/**
 * Asks every {@link CrmSource} in parallel and answers within the configured deadline with what arrived: a source
 * that has not answered by then is reported as {@code timeout}; no source's failure fails the read.
 *
 * <p>Each source is asked through its circuit breaker ({@link SourceBreakers}), and its profiles are kept in the
 * {@link ContextCache} per task: a read serves a cached profile younger than {@code cc.context.cache-fresh-for}
 * without asking the source ({@code ok} with {@code fetched_at}, {@code age_ms}); when a source fails or its circuit
 * is open, a cached profile of any age (within the TTL) answers instead, labelled {@code stale}.
 */
@ApplicationScoped
public class CrmFanOut {
    private static final Logger LOG = Logger.getLogger(CrmFanOut.class);
    private final List<CrmSource> sources;
    private final Duration deadline;
    private final Duration cacheTtl;
    private final Duration freshFor;
    private final ContextCache cache;
    private final Clock clock;
    private final SourceBreakers breakers;
    private final Map<String, Counter> hits = new HashMap<>();
    private final Map<String, Counter> misses = new HashMap<>();

    public CrmFanOut(@All List<CrmSource> sources, ContextConfig config, ContextCache cache, Clock clock,
            MeterRegistry registry) {
        // a stable order: the first source naming a profile member wins the merge
        this.sources = sources.stream().sorted(Comparator.comparing(CrmSource::name)).toList();
        this.deadline = config.deadline();
        this.cacheTtl = config.cacheTtl();
        this.freshFor = config.cacheFreshFor();
        this.cache = cache;
        this.clock = clock;
        this.breakers = new SourceBreakers(this.sources, config.circuitBreaker());
        for (CrmSource source : this.sources) {
            // Prometheus: context_prefetch_hits_total / context_prefetch_misses_total
            hits.put(source.name(), Counter.builder("context.prefetch.hits").tag("source", source.name())
                    .description("Context reads a source answered from the cache, without a call").register(registry));
            misses.put(source.name(), Counter.builder("context.prefetch.misses").tag("source", source.name())
                    .description("Context reads that had to call the source").register(registry));
        }
    }

    /** Answers a read of the task's context; a null key (a task without a customer) asks none. */
    public FanOutResult fetch(String taskSid, String customerKey) {
        if (customerKey == null) {
            List<SourceReport> reports = sources.stream().map(source -> new SourceReport(source.name(),
                    SourceStatus.NOT_FOUND, 0, "the task has no customer_key")).toList();
            return new FanOutResult(Optional.empty(), reports);
        }
        long start = System.nanoTime();
        Map<String, CachedProfile> cached = new HashMap<>();
        Map<String, Call> calls = new LinkedHashMap<>();
        for (CrmSource source : sources) {
            Optional<CachedProfile> entry = cache.get(taskSid, source.name());
            entry.ifPresent(profile -> cached.put(source.name(), profile));
            if (entry.isPresent() && ageMs(entry.get()) < freshFor.toMillis()) {
                hits.get(source.name()).increment();
            } else {
                misses.get(source.name()).increment();
                calls.put(source.name(), start(source, customerKey, start));
            }
        }
        awaitAll(calls.values(), start + deadline.toNanos());
        Map<String, Object> merged = new LinkedHashMap<>();
        List<SourceReport> reports = new ArrayList<>();
        for (CrmSource source : sources) {
            Call call = calls.get(source.name());
            CachedProfile entry = cached.get(source.name());
            if (call == null) {
                entry.attributes().forEach(merged::putIfAbsent);
                reports.add(fromCache(source.name(), SourceStatus.OK, null, entry));
                continue;
            }
            Outcome outcome = finish(call);
            if (outcome.profile != null) {
                outcome.profile.attributes().forEach(merged::putIfAbsent);
                cache.put(taskSid, source.name(), new CachedProfile(outcome.profile.attributes(), clock.instant()),
                        cacheTtl);
                reports.add(new SourceReport(source.name(), SourceStatus.OK, outcome.latencyMs, null));
            } else if (entry != null && outcome.status != SourceStatus.NOT_FOUND) {
                entry.attributes().forEach(merged::putIfAbsent);
                reports.add(fromCache(source.name(), SourceStatus.STALE,
                        outcome.status.value() + ": " + outcome.detail, entry));
            } else {
                reports.add(new SourceReport(source.name(), outcome.status, outcome.latencyMs, outcome.detail));
            }
        }
        return new FanOutResult(merged.isEmpty() ? Optional.empty() : Optional.of(merged), reports);
    }

    /**
     * Asks every source for the task's customer and caches each profile that arrives within the deadline, if
     * {@code stillWanted} says so once they have (the reservation may have ended meanwhile).
     *
     * @return how many sources' profiles were cached
     */
    public int prefetch(String taskSid, String customerKey, BooleanSupplier stillWanted) {
        long start = System.nanoTime();
        List<Call> calls = new ArrayList<>();
        for (CrmSource source : sources) {
            calls.add(start(source, customerKey, start));
        }
        awaitAll(calls, start + deadline.toNanos());
        List<Call> answered = new ArrayList<>();
        for (Call call : calls) {
            if (finish(call).profile != null) {
                answered.add(call);
            }
        }
        if (answered.isEmpty() || !stillWanted.getAsBoolean()) {
            return 0;
        }
        Instant now = clock.instant();
        for (Call call : answered) {
            cache.put(taskSid, call.name, new CachedProfile(call.future.join().attributes(), now), cacheTtl);
        }
        return answered.size();
    }

    /** Forgets every source's cached profile of the task. */
    public void forget(String taskSid) {
        for (CrmSource source : sources) {
            cache.delete(taskSid, source.name());
        }
    }

    private SourceReport fromCache(String name, SourceStatus status, String detail, CachedProfile entry) {
        return new SourceReport(name, status, 0, detail, entry.fetchedAt(), ageMs(entry));
    }

    private long ageMs(CachedProfile entry) {
        return Math.max(0, clock.millis() - entry.fetchedAt().toEpochMilli());
    }

    private Call start(CrmSource source, String customerKey, long start) {
        CompletableFuture<Profile> future;
        try {
            future = breakers.call(source, customerKey);
        } catch (RuntimeException e) {
            LOG.warnf("CRM source %s failed to start a call: %s", source.name(), e.toString());
            future = CompletableFuture.failedFuture(CrmFailure.error("the call could not be started"));
        }
        AtomicLong finished = new AtomicLong(-1);
        future.whenComplete((profile, error) -> finished.compareAndSet(-1, System.nanoTime()));
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

    /** Ends a call at the deadline if it is still running, and says how it went. */
    private Outcome finish(Call call) {
        // completing a late call here is what ends it: the source sees the timeout on its own stage
        call.future.completeExceptionally(
                CrmFailure.timeout("no answer within the " + deadline.toMillis() + " ms deadline"));
        long end = call.finished.get() < 0 ? System.nanoTime() : call.finished.get();
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(end - call.start);
        try {
            return new Outcome(call.future.join(), SourceStatus.OK, null, latencyMs);
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CrmFailure failure) {
                return new Outcome(null, failure.status(), failure.detail(), latencyMs);
            }
            LOG.warnf("CRM source %s failed unexpectedly: %s", call.name, cause.toString());
            return new Outcome(null, SourceStatus.ERROR, "unexpected failure", latencyMs);
        }
    }

    private record Call(String name, CompletableFuture<Profile> future, long start, AtomicLong finished) {}

    private record Outcome(Profile profile, SourceStatus status, String detail, long latencyMs) {}
}
