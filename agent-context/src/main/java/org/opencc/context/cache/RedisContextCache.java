package org.opencc.context.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The context cache in Redis, shared by every replica: one key per task and source
 * ({@code agent-context:context:<scope>:<source>}), a JSON value {@code {"fetched_at", "profile"}}, written with
 * {@code SET ... PX <ttl>} so Redis expires it. Connections are pooled and lent to one caller at a time.
 */
public class RedisContextCache implements ContextCache, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisContextCache.class);
    private static final String PREFIX = "agent-context:context:";
    /** Keys a {@code SCAN} step asks for: a retention purge walks the keyspace in steps this size. */
    private static final String SCAN_COUNT = "500";
    /** Idle connections kept; more are opened under load and closed when returned. */
    private static final int MAX_IDLE = 8;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int database;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Deque<RespConnection> idle = new ConcurrentLinkedDeque<>();

    /**
     * @param url {@code redis://[[user]:password@]host[:port][/db]}
     * @param timeout connect and reply timeout of one command; a slow Redis is a cache miss
     */
    public RedisContextCache(String url, Duration timeout, ObjectMapper json) {
        URI uri = URI.create(url.trim());
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("REDIS_URL must look like redis://host:port[/db] (no TLS support)");
        }
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 6379;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            String name = userInfo.substring(0, userInfo.indexOf(':'));
            this.user = name.isEmpty() ? null : decode(name);
            this.password = decode(userInfo.substring(userInfo.indexOf(':') + 1));
        } else {
            this.user = null;
            this.password = userInfo == null ? null : decode(userInfo);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        this.database = path.isEmpty() ? 0 : Integer.parseInt(path);
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public Optional<CachedProfile> get(String scope, String source) {
        try {
            Object value = call("GET", key(scope, source));
            if (!(value instanceof String text)) {
                return Optional.empty();
            }
            Stored stored = json.readValue(text, Stored.class);
            return Optional.of(new CachedProfile(stored.profile, Instant.parse(stored.fetchedAt)));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("context cache read failed, treated as a miss: %s", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void put(String scope, String source, CachedProfile profile, Duration ttl) {
        try {
            Stored stored = new Stored();
            stored.fetchedAt = profile.fetchedAt().toString();
            stored.profile = profile.value();
            call("SET", key(scope, source), json.writeValueAsString(stored), "PX",
                    Long.toString(Math.max(1, ttl.toMillis())));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("context cache write failed, dropped: %s", e.toString());
        }
    }

    @Override
    public void delete(String scope, String source) {
        try {
            call("DEL", key(scope, source));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("context cache delete failed (the entry expires with its TTL): %s", e.toString());
        }
    }

    /**
     * Walks the cache's keys with {@code SCAN} (no blocking {@code KEYS}), reads each entry's {@code fetched_at} and
     * deletes those before the cutoff whose scope is not held. Not atomic: an entry rewritten between the read and
     * the delete is dropped too, which costs one call to its source. An entry that cannot be read is left to its
     * TTL; a Redis that fails mid-walk ends the walk with what was forgotten so far.
     */
    @Override
    public long forgetFetchedBefore(Instant cutoff, Predicate<String> held) {
        long forgotten = 0;
        String cursor = "0";
        try {
            do {
                List<?> reply = (List<?>) call("SCAN", cursor, "MATCH", PREFIX + "*", "COUNT", SCAN_COUNT);
                cursor = (String) reply.get(0);
                for (Object key : (List<?>) reply.get(1)) {
                    if (forgetIfBefore((String) key, cutoff, held)) {
                        forgotten++;
                    }
                }
            } while (!"0".equals(cursor));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("context cache purge stopped after %d entries (the rest expire with their TTL): %s", forgotten,
                    e.toString());
        }
        return forgotten;
    }

    private boolean forgetIfBefore(String key, Instant cutoff, Predicate<String> held) throws IOException {
        String scopeAndSource = key.substring(PREFIX.length());
        int colon = scopeAndSource.lastIndexOf(':');
        if (colon <= 0 || held.test(scopeAndSource.substring(0, colon))) {
            return false;
        }
        if (!(call("GET", key) instanceof String text)) {
            return false; // expired meanwhile
        }
        Instant fetchedAt;
        try {
            fetchedAt = Instant.parse(json.readValue(text, Stored.class).fetchedAt);
        } catch (IOException | RuntimeException e) {
            return false; // not ours to judge: left to its TTL
        }
        return fetchedAt.isBefore(cutoff) && Long.valueOf(1).equals(call("DEL", key));
    }

    @Override
    public String describe() {
        return "Redis at " + host + ":" + port + "/" + database;
    }

    @Override
    public void close() {
        RespConnection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    private Object call(String... command) throws IOException {
        RespConnection connection = idle.poll();
        if (connection == null) {
            connection = open();
        }
        try {
            Object reply = connection.call(command);
            if (idle.size() < MAX_IDLE) {
                idle.push(connection);
            } else {
                connection.close();
            }
            return reply;
        } catch (IOException | RuntimeException e) {
            connection.close(); // its state is unknown after a failure
            throw e;
        }
    }

    private RespConnection open() throws IOException {
        RespConnection connection = new RespConnection(host, port, timeout);
        try {
            if (password != null) {
                if (user != null) {
                    connection.call("AUTH", user, password);
                } else {
                    connection.call("AUTH", password);
                }
            }
            if (database != 0) {
                connection.call("SELECT", Integer.toString(database));
            }
            return connection;
        } catch (IOException e) {
            connection.close();
            throw e;
        }
    }

    private static String key(String scope, String source) {
        return PREFIX + scope + ":" + source;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The JSON value of a key. */
    static final class Stored {
        @JsonProperty("fetched_at")
        public String fetchedAt;
        @JsonProperty("profile")
        public Object profile;
    }
}
