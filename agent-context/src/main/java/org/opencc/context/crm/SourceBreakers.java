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
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.opencc.context.config.ContextConfig;

/**
 * One circuit breaker per CRM source (SmallRye Fault Tolerance's programmatic {@link TypedGuard}, named
 * {@code crm-<source>} for {@code CircuitBreakerMaintenance}): after {@code cc.context.circuit-breaker.failures}
 * consecutive errors or timeouts the source is not asked for {@code cc.context.circuit-breaker.delay}, and its calls
 * fail at once with {@link SourceStatus#CIRCUIT_OPEN}. {@code not_found} is an answer, not a failure.
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
                    .build());
        }
    }

    /** The name of a source's circuit breaker. */
    static String circuitName(String source) {
        return "crm-" + source;
    }

    /**
     * Calls the source through its breaker. The returned future is the one to complete at the deadline: completing
     * it completes the source's own stage too, so the source abandons its request and the breaker counts a timeout.
     */
    CompletableFuture<Profile> call(CrmSource source, String customerKey) {
        AtomicReference<CompletableFuture<Profile>> inner = new AtomicReference<>();
        CompletableFuture<Profile> outer = new CompletableFuture<>();
        CompletionStage<Profile> guarded;
        try {
            guarded = guards.get(source.name()).get(() -> {
                CompletableFuture<Profile> call = source.fetch(customerKey).toCompletableFuture();
                inner.set(call);
                return call;
            });
        } catch (CircuitBreakerOpenException e) {
            outer.completeExceptionally(circuitOpen());
            return outer;
        }
        guarded.whenComplete((profile, error) -> {
            if (error == null) {
                outer.complete(profile);
            } else {
                Throwable cause = unwrap(error);
                outer.completeExceptionally(cause instanceof CircuitBreakerOpenException ? circuitOpen() : cause);
            }
        });
        outer.whenComplete((profile, error) -> {
            CompletableFuture<Profile> call = inner.get();
            if (error != null && call != null) {
                call.completeExceptionally(error);
            }
        });
        return outer;
    }

    private static boolean isFailure(Throwable error) {
        Throwable cause = unwrap(error);
        return !(cause instanceof CrmFailure failure && failure.status() == SourceStatus.NOT_FOUND);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static CrmFailure circuitOpen() {
        return new CrmFailure(SourceStatus.CIRCUIT_OPEN, "not asked: the circuit is open after repeated failures");
    }
}
