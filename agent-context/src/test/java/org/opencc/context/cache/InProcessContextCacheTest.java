package org.opencc.context.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-process context cache expires entries by the clock it is given. */
class InProcessContextCacheTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void anEntryLivesForItsTtlAndCanBeDeleted() {
        InProcessContextCache cache = new InProcessContextCache(clock);
        CachedProfile profile = new CachedProfile(Map.of("tier", "gold"), now);
        cache.put("WT1", "demo-crm", profile, Duration.ofMinutes(10));
        now = now.plus(Duration.ofMinutes(9));
        assertEquals(profile, cache.get("WT1", "demo-crm").orElseThrow());
        now = now.plus(Duration.ofMinutes(1));
        assertTrue(cache.get("WT1", "demo-crm").isEmpty());

        cache.put("WT2", "demo-crm", profile, Duration.ofMinutes(10));
        cache.delete("WT2", "demo-crm");
        assertTrue(cache.get("WT2", "demo-crm").isEmpty());
    }

    @Test
    void entriesFetchedBeforeTheCutoffAreForgottenUnlessTheirScopeIsHeld() {
        InProcessContextCache cache = new InProcessContextCache(clock);
        Instant old = now.minus(Duration.ofMinutes(5));
        cache.put("WT1", "demo-crm", new CachedProfile(Map.of("tier", "gold"), old), Duration.ofMinutes(10));
        cache.put("WT1", "orders", new CachedProfile(Map.of("open", 2), old), Duration.ofMinutes(10));
        cache.put("customer:ck_1", "demo-crm", new CachedProfile(Map.of("tier", "gold"), old), Duration.ofMinutes(10));
        cache.put("WT2", "demo-crm", new CachedProfile(Map.of("tier", "gold"), old), Duration.ofMinutes(10));
        cache.put("WT3", "demo-crm", new CachedProfile(Map.of("tier", "gold"), now), Duration.ofMinutes(10));
        cache.put("WT4", "demo-crm", new CachedProfile(Map.of("tier", "gold"), old), Duration.ofMinutes(1));
        now = now.plus(Duration.ofMinutes(2)); // WT4 expired: gone, not counted

        assertEquals(3, cache.forgetFetchedBefore(now.minus(Duration.ofMinutes(3)), "WT2"::equals));
        assertTrue(cache.get("WT1", "demo-crm").isEmpty());
        assertTrue(cache.get("WT1", "orders").isEmpty());
        assertTrue(cache.get("customer:ck_1", "demo-crm").isEmpty());
        assertTrue(cache.get("WT2", "demo-crm").isPresent(), "held");
        assertTrue(cache.get("WT3", "demo-crm").isPresent(), "fetched after the cutoff");
        assertEquals(0, cache.forgetFetchedBefore(now.minus(Duration.ofMinutes(3)), "WT2"::equals));
    }
}
