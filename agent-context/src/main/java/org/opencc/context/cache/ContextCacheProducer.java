package org.opencc.context.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.opencc.context.config.ContextConfig;

/** Chooses the context cache: Redis when {@code cc.context.redis-url} ({@code REDIS_URL}) is set, else in-process. */
@ApplicationScoped
public class ContextCacheProducer {
    private static final Logger LOG = Logger.getLogger(ContextCacheProducer.class);
    /** One Redis command; a slower Redis is treated as a miss rather than eating the read's deadline. */
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(200);

    @Produces
    @ApplicationScoped
    ContextCache contextCache(ContextConfig config, ObjectMapper json, Clock clock) {
        return config.redisUrl().filter(url -> !url.isBlank())
                .<ContextCache>map(url -> new RedisContextCache(url, REDIS_TIMEOUT, json))
                .orElseGet(() -> new InProcessContextCache(clock));
    }

    void close(@Disposes ContextCache cache) {
        if (cache instanceof RedisContextCache redis) {
            redis.close();
        }
    }

    /** Says at start which cache this instance uses. */
    void announce(@Observes StartupEvent started, ContextCache cache, ContextConfig config) {
        LOG.infof("context cache: %s, TTL %s, served without asking the source for %s", cache.describe(),
                config.cacheTtl(), config.cacheFreshFor());
    }
}
