package org.opencc.context.crm;

import java.util.concurrent.CompletionStage;

/**
 * One CRM a context read asks for the customer's profile. Every {@code CrmSource} bean is asked, in parallel, by
 * {@link CrmFanOut}.
 *
 * <p>{@link #fetch} must not block: it starts the call and returns. The stage completes with the profile, or
 * exceptionally with a {@link CrmFailure} ({@code not_found}, {@code timeout}, {@code error}). When the read's
 * deadline passes first, the fan-out completes the returned stage itself with a timeout failure; a source reacts
 * to that (ending its span, abandoning its request) through the same stage, so it must return the very future it
 * watches, not a copy.
 */
public interface CrmSource {
    /** The name reported in {@code sources[].name}, e.g. {@code demo-crm}. */
    String name();

    /** Starts reading the profile of a pseudonymous customer key. */
    CompletionStage<Profile> fetch(String customerKey);
}
