package org.opencc.context.crm;

import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.opencc.context.config.ContextConfig;

/**
 * A circuit breaker and a bulkhead per source (SmallRye Fault Tolerance's programmatic {@link TypedGuard}, since
 * sources are configured at run time; named {@code crm-<source>} for {@code CircuitBreakerMaintenance}). After
 * {@code cc.context.circuit-breaker.failures} consecutive errors or timeouts the source is not asked for
 * {@code cc.context.circuit-breaker.delay}, and its calls fail at once with {@link SourceStatus#CIRCUIT_OPEN}; a
 * source with {@code max-concurrent} calls in flight is {@link SourceStatus#SKIPPED}, so one slow CRM cannot pile
 * up connections. {@code not_found} and {@code skipped} are not failures of the source.
 */
final class SourceBreakers {
    private static final TypeLiteral<CompletionStage<Profile>> PROFILE_STAGE = new TypeLiteral<>() {};

    private final Map<String, TypedGuard<CompletionStage<Profile>>> guards = new HashMap<>();

    SourceBreakers(List<CrmSource> sources, ContextConfig.CircuitBreaker config) {
        for (CrmSource source : sources) {
            guards.put(source.name(), TypedGuard.create(PROFILE_STAGE)
                    .withCircuitBreaker()
                    .name(circuitName(source.name()))
                    .requestVolumeThreshold(config.failures())
                    .failureRatio(1.0)
                    .successThreshold(1)
                    .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                    .when(SourceBreakers::isFailure)
                    .done()
                    .withBulkhead()
                    .limit(source.definition().maxConcurrent())
                    .queueSize(1)
                    .done()
                    .build());
        }
    }

    /** The name of a source's circuit breaker. */
    static String circuitName(String source) {
        return "crm-" + source;
    }

    /** Calls the source through its guard; the future fails with a {@link CrmFailure}, never anything else. */
    CompletableFuture<Profile> call(CrmSource source, ContextSubject subject) {
        CompletableFuture<Profile> result = new CompletableFuture<>();
        CompletionStage<Profile> guarded;
        try {
            guarded = guards.get(source.name()).get(() -> source.fetch(subject));
        } catch (RuntimeException e) {
            result.completeExceptionally(translate(e, source));
            return result;
        }
        guarded.whenComplete((profile, error) -> {
            if (error == null) {
                result.complete(profile);
            } else {
                result.completeExceptionally(translate(error, source));
            }
        });
        return result;
    }

    private static CrmFailure translate(Throwable error, CrmSource source) {
        Throwable cause = unwrap(error);
        if (cause instanceof CrmFailure failure) {
            return failure;
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return new CrmFailure(SourceStatus.CIRCUIT_OPEN, "not asked: the circuit is open after repeated failures");
        }
        if (cause instanceof BulkheadException) {
            return new CrmFailure(SourceStatus.SKIPPED, "not asked: " + source.definition().maxConcurrent()
                    + " calls already in flight (max-concurrent)");
        }
        return CrmFailure.error("the call failed: " + cause.getClass().getSimpleName());
    }

    private static boolean isFailure(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof CrmFailure failure) {
            return failure.status() == SourceStatus.ERROR || failure.status() == SourceStatus.TIMEOUT;
        }
        return !(cause instanceof BulkheadException);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
