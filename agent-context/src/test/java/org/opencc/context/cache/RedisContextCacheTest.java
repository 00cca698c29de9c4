package org.opencc.context.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis context cache against the Redis at 127.0.0.1:6379 (skipped when nothing listens there). */
class RedisContextCacheTest {
    private static final String URL = "redis://127.0.0.1:6379";

    private RedisContextCache cache;
    private final String taskSid = "WT" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void needsRedis() {
        assumeTrue(listening(), "no Redis listening on 127.0.0.1:6379: the Redis context cache is not tested");
        cache = new RedisContextCache(URL, Duration.ofSeconds(2), new ObjectMapper());
    }

    @AfterEach
    void close() {
        if (cache != null) {
            cache.delete(taskSid, "demo-crm");
            cache.close();
        }
    }

    @Test
    void aProfileReadsBackAsItWasPutWithItsMemberOrderAndTypes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("customer_key", "ck_1");
        attributes.put("display_name", "Customer ä1");
        attributes.put("open_orders", 2);
        attributes.put("vip", null);
        Instant fetchedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        cache.put(taskSid, "demo-crm", new CachedProfile(attributes, fetchedAt), Duration.ofMinutes(1));

        CachedProfile read = cache.get(taskSid, "demo-crm").orElseThrow();
        assertEquals(fetchedAt, read.fetchedAt());
        assertEquals(attributes, read.value());
        assertEquals(List.copyOf(attributes.keySet()), List.copyOf(((Map<?, ?>) read.value()).keySet()));
        assertTrue(cache.get(taskSid, "other-crm").isEmpty());
    }

    @Test
    void anEntryIsWrittenWithItsTtlAndDeleted() throws IOException {
        cache.put(taskSid, "demo-crm", new CachedProfile(Map.of("tier", "gold"), Instant.now()),
                Duration.ofMinutes(10));
        try (RespConnection redis = new RespConnection("127.0.0.1", 6379, Duration.ofSeconds(2))) {
            long pttl = (Long) redis.call("PTTL", "agent-context:context:" + taskSid + ":demo-crm");
            assertTrue(pttl > 590_000 && pttl <= 600_000, "PTTL " + pttl);
        }
        cache.delete(taskSid, "demo-crm");
        assertTrue(cache.get(taskSid, "demo-crm").isEmpty());
    }

    @Test
    void anUnreachableRedisIsAMissAndDropsWrites() {
        try (RedisContextCache down = new RedisContextCache("redis://127.0.0.1:1", Duration.ofMillis(200),
                new ObjectMapper())) {
            down.put(taskSid, "demo-crm", new CachedProfile(Map.of("tier", "gold"), Instant.now()),
                    Duration.ofMinutes(1));
            assertTrue(down.get(taskSid, "demo-crm").isEmpty());
            down.delete(taskSid, "demo-crm");
        }
    }

    @Test
    void entriesFetchedBeforeTheCutoffAreForgottenUnlessTheirScopeIsHeld() {
        // fetched in 1999 and a cutoff in 2000: nothing else in this Redis is that old, so the count is ours
        Instant old = Instant.parse("1999-12-31T00:00:00Z");
        String customer = "customer:ck_" + UUID.randomUUID();
        String held = taskSid + "-held";
        String recent = taskSid + "-recent";
        try {
            cache.put(taskSid, "demo-crm", new CachedProfile(Map.of("tier", "gold"), old), Duration.ofMinutes(1));
            cache.put(customer, "demo-crm", new CachedProfile(Map.of("tier", "gold"), old), Duration.ofMinutes(1));
            cache.put(held, "demo-crm", new CachedProfile(Map.of("tier", "gold"), old), Duration.ofMinutes(1));
            cache.put(recent, "demo-crm", new CachedProfile(Map.of("tier", "gold"), Instant.now()),
                    Duration.ofMinutes(1));

            Instant cutoff = Instant.parse("2000-01-01T00:00:00Z");
            assertEquals(2, cache.forgetFetchedBefore(cutoff, held::equals));
            assertTrue(cache.get(taskSid, "demo-crm").isEmpty());
            assertTrue(cache.get(customer, "demo-crm").isEmpty());
            assertTrue(cache.get(held, "demo-crm").isPresent(), "held");
            assertTrue(cache.get(recent, "demo-crm").isPresent(), "fetched after the cutoff");
            assertEquals(0, cache.forgetFetchedBefore(cutoff, held::equals));
        } finally {
            List.of(customer, held, recent).forEach(scope -> cache.delete(scope, "demo-crm"));
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
