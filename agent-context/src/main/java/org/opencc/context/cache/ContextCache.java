package org.opencc.context.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-source customer profiles of a task, kept between a prefetch (or a read) and the end of the reservation.
 * Implementations never throw: a cache that cannot be reached is a miss, and a write that fails is dropped, so a
 * broken cache costs speed, never a context read.
 */
public interface ContextCache {
    /** The profile a source gave for the task, if cached and not expired. */
    Optional<CachedProfile> get(String taskSid, String source);

    /** Caches a source's profile for the task, for {@code ttl}. */
    void put(String taskSid, String source, CachedProfile profile, Duration ttl);

    /** Forgets a source's profile for the task. */
    void delete(String taskSid, String source);

    /** Which cache this is, for the start-up log (no secrets). */
    String describe();
}
