package org.opencc.support.outbox;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.support.tracing.TraceParent;

/**
 * Appends events to the outbox inside the caller's transaction, so the state change and its event commit or
 * roll back together. The row id becomes the event's {@code ce_id}; the current trace context is stored with it.
 */
@ApplicationScoped
public class OutboxWriter {
    private static final String INSERT = "INSERT INTO outbox_event (id, topic, event_key, event_type, subject,"
            + " payload, traceparent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;

    public OutboxWriter(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay, Clock clock) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
    }

    /** Appends one event; returns its id. Must run inside a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(DomainEvent event) {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, event.topic());
            insert.setString(3, event.key());
            insert.setString(4, event.type());
            insert.setString(5, event.subject());
            insert.setString(6, EventCodec.encode(event));
            insert.setString(7, TraceParent.format(Span.current().getSpanContext()).orElse(null));
            insert.setTimestamp(8, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append " + event.type() + " to the outbox", e);
        }
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return id;
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
