package org.opencc.support.outbox;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencc.contracts.CloudEventHeaders;
import org.opencc.support.tracing.TraceParent;

/**
 * Publishes committed outbox rows to Kafka in commit order. One relay of a service publishes at a time: each
 * claim runs under a transaction-scoped advisory lock, so per-key order holds with several replicas. A row is
 * marked sent only after Kafka acknowledged it (acks=all, idempotent producer); a crash in between republishes
 * it with the same {@code ce_id}, which consumers drop as a repeat.
 */
@Singleton
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = "SELECT seq, id, topic, event_key, event_type, subject, payload,"
            + " traceparent, created_at FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT ?";
    private static final String MARK_SENT = "UPDATE outbox_event SET sent_at = now() WHERE seq = ANY (?)";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final String source;
    private final long lockKey;
    private final Tracer tracer;
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean woken;
    private Thread thread;
    private Producer<String, String> producer;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, Tracer tracer,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.config = config;
        this.tracer = tracer;
        this.bootstrapServers = bootstrapServers;
        this.source = "/cc/" + applicationName;
        // one lock per service database; the name keeps services sharing a database apart
        this.lockKey = ("outbox-relay:" + applicationName).hashCode();
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this instance (cc.outbox.relay-enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /** Asks the relay to look now, e.g. after a commit that appended rows. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        long backoff = 0;
        boolean failing = false;
        while (running) {
            try {
                int published = QuarkusTransaction.requiringNew().timeout(60).call(this::publishBatch);
                if (failing) {
                    LOG.info("outbox relay publishing again");
                    failing = false;
                }
                backoff = 0;
                if (published == 0) {
                    await(config.pollInterval().toMillis());
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("outbox relay cannot publish, will retry: %s", rootMessage(e));
                    failing = true;
                }
                // a failed idempotent producer may hold stale sequence state: start a new one
                closeProducer();
                backoff = Math.min(Math.max(100, backoff * 2), config.maxBackoff().toMillis());
                await(backoff);
            }
        }
    }

    /** Publishes one claimed batch; returns how many rows it published. */
    int publishBatch() throws SQLException, Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryLock(connection)) {
                return 0;
            }
            List<OutboxRow> rows = claim(connection);
            if (rows.isEmpty()) {
                return 0;
            }
            Producer<String, String> kafka = producer();
            List<Future<?>> acks = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                acks.add(send(kafka, row));
            }
            kafka.flush();
            for (Future<?> ack : acks) {
                ack.get(config.deliveryTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            }
            try (PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
                mark.setArray(1, connection.createArrayOf("bigint", rows.stream().map(OutboxRow::seq).toArray()));
                mark.executeUpdate();
            }
            return rows.size();
        }
    }

    private Future<?> send(Producer<String, String> kafka, OutboxRow row) {
        Context parent = TraceParent.parse(row.traceparent())
                .map(remote -> Context.root().with(Span.wrap(remote)))
                .orElse(Context.root());
        Span span = tracer.spanBuilder("OutboxRelay.publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("cc.event_type", row.type()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            header(record, CloudEventHeaders.ID, row.id());
            header(record, CloudEventHeaders.TYPE, row.type());
            header(record, CloudEventHeaders.SOURCE, source);
            header(record, CloudEventHeaders.SUBJECT, row.subject());
            header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.createdAt()));
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
            header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            header(record, CloudEventHeaders.TRACEPARENT,
                    TraceParent.format(span.getSpanContext()).orElse(row.traceparent()));
            return kafka.send(record);
        } finally {
            span.end();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<OutboxRow> claim(Connection connection) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant()));
                }
            }
        }
        return rows;
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + source.replace('/', '-'));
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            int delivery = (int) config.deliveryTimeout().toMillis();
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, delivery / 3));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debug("closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    private void await(long millis) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record OutboxRow(long seq, String id, String topic, String key, String type, String subject,
            String payload, String traceparent, java.time.Instant createdAt) {}
}
