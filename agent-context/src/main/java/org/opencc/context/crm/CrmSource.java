package org.opencc.context.crm;

import java.util.concurrent.CompletableFuture;

/**
 * One source a context read asks: a CRM, an order system, a billing API. {@link CrmFanOut} asks every source in
 * parallel; {@link HttpJsonSource} is the connector every configured source uses.
 *
 * <p>{@link #fetch} must not block: it starts the call and returns. The future completes with the answer, or
 * exceptionally with a {@link CrmFailure} ({@code not_found}, {@code timeout}, {@code error}, {@code skipped}),
 * within the source's own timeout. Completing it early (exceptionally) abandons the call.
 */
public interface CrmSource {
    SourceDefinition definition();

    /** The name reported in {@code sources[].name}, e.g. {@code demo-crm}. */
    default String name() {
        return definition().name();
    }

    /** Starts reading the subject's record from this source. */
    CompletableFuture<Profile> fetch(ContextSubject subject);
}
