package org.opencc.context.crm;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.jboss.logging.Logger;
import org.opencc.context.config.ContextConfig;

/**
 * Asks every {@link CrmSource} in parallel and answers within the configured deadline with what arrived: a source
 * that has not answered by then is reported as {@code timeout}; no source's failure fails the read.
 */
@ApplicationScoped
public class CrmFanOut {
    private static final Logger LOG = Logger.getLogger(CrmFanOut.class);
    private final List<CrmSource> sources;
    private final Duration deadline;

    public CrmFanOut(@All List<CrmSource> sources, ContextConfig config) {
        // a stable order: the first source naming a profile member wins the merge
        this.sources = sources.stream().sorted(Comparator.comparing(CrmSource::name)).toList();
        this.deadline = config.deadline();
    }

    /** Asks every source for the key; a null key (a task without a customer) asks none. */
    public FanOutResult fetch(String customerKey) {
        if (customerKey == null) {
            List<SourceReport> reports = sources.stream().map(source -> new SourceReport(source.name(),
                    SourceStatus.NOT_FOUND, 0, "the task has no customer_key")).toList();
            return new FanOutResult(Optional.empty(), reports);
        }
        long start = System.nanoTime();
        List<Call> calls = new ArrayList<>();
        for (CrmSource source : sources) {
            calls.add(start(source, customerKey, start));
        }
        awaitAll(calls, start + deadline.toNanos());
        Map<String, Object> merged = new LinkedHashMap<>();
        List<SourceReport> reports = new ArrayList<>();
        for (Call call : calls) {
            // completing a late call here is what ends it: the source sees the timeout on its own stage
            call.future.completeExceptionally(
                    CrmFailure.timeout("no answer within the " + deadline.toMillis() + " ms deadline"));
            reports.add(report(call, merged));
        }
        return new FanOutResult(merged.isEmpty() ? Optional.empty() : Optional.of(merged), reports);
    }

    private static Call start(CrmSource source, String customerKey, long start) {
        CompletableFuture<Profile> future;
        try {
            future = source.fetch(customerKey).toCompletableFuture();
        } catch (RuntimeException e) {
            LOG.warnf("CRM source %s failed to start a call: %s", source.name(), e.toString());
            future = CompletableFuture.failedFuture(CrmFailure.error("the call could not be started"));
        }
        AtomicLong finished = new AtomicLong(-1);
        future.whenComplete((profile, error) -> finished.compareAndSet(-1, System.nanoTime()));
        return new Call(source.name(), future, start, finished);
    }

    private static void awaitAll(List<Call> calls, long deadlineNanos) {
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

    private static SourceReport report(Call call, Map<String, Object> merged) {
        long end = call.finished.get() < 0 ? System.nanoTime() : call.finished.get();
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(end - call.start);
        try {
            Profile profile = call.future.join();
            profile.attributes().forEach(merged::putIfAbsent);
            return new SourceReport(call.name, SourceStatus.OK, latencyMs, null);
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CrmFailure failure) {
                return new SourceReport(call.name, failure.status(), latencyMs, failure.detail());
            }
            LOG.warnf("CRM source %s failed unexpectedly: %s", call.name, cause.toString());
            return new SourceReport(call.name, SourceStatus.ERROR, latencyMs, "unexpected failure");
        }
    }

    private record Call(String name, CompletableFuture<Profile> future, long start, AtomicLong finished) {}
}
