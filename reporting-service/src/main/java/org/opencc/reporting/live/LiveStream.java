package org.opencc.reporting.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.opencc.reporting.config.ReportingConfig;

/**
 * One client's live stream of a view: the view at once, then again whenever {@code live_version} moved, found by
 * polling PostgreSQL, so a change applied by any replica reaches clients of every replica. Comment heartbeats keep
 * idle connections open. Cancelling the subscription (the client left) stops both timers, and with them the polling.
 */
@ApplicationScoped
public class LiveStream {
    /** The SSE event name of a per-queue snapshot. */
    public static final String QUEUES = "queues";
    /** The SSE event name of a per-workflow snapshot. */
    public static final String WORKFLOWS = "workflows";
    /** The SSE event name of a per-worker snapshot. */
    public static final String WORKERS = "workers";
    private static final Logger LOG = Logger.getLogger(LiveStream.class);

    private final LiveViewService live;
    private final ObjectMapper json;
    private final ReportingConfig config;

    public LiveStream(LiveViewService live, ObjectMapper json, ReportingConfig config) {
        this.live = live;
        this.json = json;
        this.config = config;
    }

    /** A new stream for one client of the view {@code read} returns, sent as events named {@code event}. */
    public Multi<OutboundSseEvent> open(String event, Supplier<? extends Versioned> read, Sse sse) {
        AtomicLong sent = new AtomicLong(-1);
        // one poll at once (the initial snapshot), then one per interval
        Multi<OutboundSseEvent> snapshots = Multi.createBy().concatenating()
                .streams(Multi.createFrom().item(0L), Multi.createFrom().ticks().every(config.live().pollInterval()))
                // a slow query skips ticks rather than failing the stream
                .onOverflow().drop()
                // JDBC blocks: never on the event loop
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> poll(event, read, sent, sse));
        Duration heartbeat = config.live().heartbeatInterval();
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks()
                .startingAfter(heartbeat).every(heartbeat)
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(snapshots, heartbeats)
                .onCancellation().invoke(() -> LOG.debugf("live %s stream closed by the client", event));
    }

    private List<OutboundSseEvent> poll(String event, Supplier<? extends Versioned> read, AtomicLong sent, Sse sse) {
        try {
            if (live.version() == sent.get()) {
                return List.of();
            }
            Versioned snapshot = read.get();
            sent.set(snapshot.version());
            return List.of(sse.newEventBuilder().name(event).data(String.class, json.writeValueAsString(snapshot))
                    .build());
        } catch (JsonProcessingException | RuntimeException e) {
            // the database may be failing over: keep the client connected and try again on the next tick
            LOG.warnf("cannot poll the live %s view: %s", event, e.getMessage());
            return List.of();
        }
    }
}
