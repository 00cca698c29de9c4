package org.opencc.support.consumer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Remembers which events a consumer has handled. {@link #recordFirstSight} runs in the transaction of the
 * event's effect, so the effect and the memory of it commit together: a redelivered event finds its row and
 * is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {
    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Duration retention;

    public ProcessedEvents(AgroalDataSource dataSource, Clock clock,
            @ConfigProperty(name = "cc.processed-events.retention", defaultValue = "P7D") Duration retention) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.retention = retention;
    }

    /** True when this is the first time {@code consumer} sees {@code eventId}; false for a repeat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstSight(String consumer, String eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event"
                        + " (consumer, event_id, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + eventId, e);
        }
    }

    /**
     * Records a batch's event ids at once (one statement instead of one per event) and answers those seen for the
     * first time, as many times as each occurs among them once: an id the batch carries twice counts once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.List<String> recordFirstSights(String consumer, java.util.List<String> eventIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event"
                        + " (consumer, event_id, processed_at) SELECT ?, id, ? FROM unnest(?) AS t(id)"
                        + " ON CONFLICT DO NOTHING RETURNING event_id")) {
            insert.setString(1, consumer);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setArray(3, connection.createArrayOf("text", eventIds.toArray()));
            java.util.List<String> fresh = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a batch of " + eventIds.size() + " events", e);
        }
    }

    /** Forgets events older than the retention period (longer than any redelivery can take). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM processed_event WHERE processed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(retention)));
            int pruned = delete.executeUpdate();
            if (pruned > 0) {
                LOG.infof("pruned %d processed-event rows older than %s", pruned, retention);
            }
        } catch (SQLException e) {
            LOG.warn("cannot prune processed events", e);
        }
    }
}
