package org.opencc.context.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Per-source answers for a task (scope: the task sid) or a customer read without a task (scope:
 * {@code customer:<key>}), kept between a prefetch (or a read) and the end of the reservation.
 * Implementations never throw: a cache that cannot be reached is a miss, and a write that fails is dropped, so a
 * broken cache costs speed, never a context read.
 */
public interface ContextCache {
    /** The profile a source gave for the task, if cached and not expired. */
    Optional<CachedProfile> get(String scope, String source);

    /** Caches a source's profile for the task, for {@code ttl}. */
    void put(String scope, String source, CachedProfile profile, Duration ttl);

    /** Forgets a source's profile for the task. */
    void delete(String scope, String source);

    /**
     * Forgets every entry fetched before {@code cutoff}, of every scope and source, except those of a scope
     * {@code held} accepts (a retention purge; expired entries are not counted). A cache that cannot be reached
     * forgets what it can: its entries expire with their TTL anyway.
     *
     * @return how many entries were forgotten
     */
    long forgetFetchedBefore(Instant cutoff, Predicate<String> held);

    /** Which cache this is, for the start-up log (no secrets). */
    String describe();
}
