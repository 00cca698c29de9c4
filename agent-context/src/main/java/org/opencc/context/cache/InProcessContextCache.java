package org.opencc.context.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The context cache in this JVM's memory, used when no Redis is configured: each replica prefetches and caches for
 * itself. Expired entries are dropped when read and swept now and then on writes.
 */
public class InProcessContextCache implements ContextCache {
    /** A sweep of expired entries every this many writes keeps memory bounded by the TTL. */
    private static final int SWEEP_EVERY = 256;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final Clock clock;

    public InProcessContextCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<CachedProfile> get(String scope, String source) {
        String key = key(scope, source);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAtMillis <= clock.millis()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.profile);
    }

    @Override
    public void put(String scope, String source, CachedProfile profile, Duration ttl) {
        long now = clock.millis();
        entries.put(key(scope, source), new Entry(profile, now + ttl.toMillis()));
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            entries.values().removeIf(entry -> entry.expiresAtMillis <= now);
        }
    }

    @Override
    public void delete(String scope, String source) {
        entries.remove(key(scope, source));
    }

    @Override
    public long forgetFetchedBefore(Instant cutoff, Predicate<String> held) {
        long now = clock.millis();
        long forgotten = 0;
        for (Map.Entry<String, Entry> item : entries.entrySet()) {
            Entry entry = item.getValue();
            if (entry.expiresAtMillis <= now) {
                entries.remove(item.getKey(), entry);
            } else if (entry.profile.fetchedAt().isBefore(cutoff) && !held.test(scope(item.getKey()))
                    && entries.remove(item.getKey(), entry)) {
                forgotten++;
            }
        }
        return forgotten;
    }

    @Override
    public String describe() {
        return "in-process (REDIS_URL not set; each replica caches for itself)";
    }

    private static String key(String scope, String source) {
        return scope + '\n' + source;
    }

    private static String scope(String key) {
        return key.substring(0, key.indexOf('\n'));
    }

    private record Entry(CachedProfile profile, long expiresAtMillis) {}
}
