package org.opencc.support.consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.Stage;

/**
 * Runs a listener's handler for a polled batch of Kafka records in one transaction: one commit for hundreds of
 * events instead of one each (reporting-service's ingest went from a few hundred to about a thousand events a
 * second on 2 cores). Each record
 * still gets its own consumer span, and the handler still makes its effect idempotent with {@link ProcessedEvents}.
 *
 * <p>Failures stay per record. A record that cannot be decoded goes to the channel's dead-letter topic at once.
 * When the batch's transaction fails, nothing of it is kept and its records are applied again one at a time, each
 * in its own transaction with {@link EventConsumer}'s retries; one that still fails goes to the dead-letter topic,
 * the others are applied. Only when a dead letter cannot be written does the batch fail, and then its offsets are
 * not committed (the channel's failure strategy is {@code fail}): it is read again, never lost.
 */
@ApplicationScoped
public class BatchEventConsumer {
    private static final Logger LOG = Logger.getLogger(BatchEventConsumer.class);

    private final EventConsumer consumer;
    private final DeadLetters deadLetters;

    public BatchEventConsumer(EventConsumer consumer, DeadLetters deadLetters) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
    }

    /**
     * Handles a batch.
     *
     * @param channel the incoming channel, whose {@code dead-letter-queue.topic} receives the records that fail
     * @param spanName {@code Class.method} of the listener
     * @param handler what to do with one event; it joins the batch's transaction (so must not require a new one)
     */
    public void consume(Iterable<ConsumerRecord<String, String>> records, String channel, String spanName,
            Stage stage, EventConsumer.Handler handler) {
        consume(records, channel, spanName, stage, events -> { }, handler);
    }

    /** What a listener prepares for a whole batch, in its transaction, before its events are handled one by one. */
    @FunctionalInterface
    public interface BatchStart {
        void begin(List<InboundEvent> events);
    }

    /**
     * Handles a batch as {@link #consume(Iterable, String, String, Stage, EventConsumer.Handler)} does, after
     * {@code start} has prepared it in the batch's transaction (say, recorded every event id in one statement, or
     * opened a batch of statements to send together). A batch that fails is applied again one event at a time,
     * without {@code start}: the handler must also work alone.
     */
    public void consume(Iterable<ConsumerRecord<String, String>> records, String channel, String spanName,
            Stage stage, BatchStart start, EventConsumer.Handler handler) {
        List<Decoded> decoded = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                decoded.add(new Decoded(record, EventConsumer.envelope(record)));
            } catch (EventCodec.MalformedEventException e) {
                deadLetters.send(channel, record, e);
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                start.begin(decoded.stream().map(Decoded::inbound).toList());
                decoded.forEach(d -> consumer.consumeOnce(d.record(), d.inbound(), spanName, stage, handler));
            });
        } catch (RuntimeException batchFailure) {
            LOG.warnf("a batch of %d events on %s failed (%s); applying them one at a time", decoded.size(),
                    channel, batchFailure.getMessage());
            for (Decoded d : decoded) {
                try {
                    consumer.consume(d.record(), spanName, stage,
                            inbound -> QuarkusTransaction.requiringNew().run(() -> {
                                try {
                                    handler.handle(inbound);
                                } catch (RuntimeException e) {
                                    throw e;
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            }));
                } catch (RuntimeException recordFailure) {
                    deadLetters.send(channel, d.record(), recordFailure);
                }
            }
        }
    }

    private record Decoded(ConsumerRecord<String, String> record, InboundEvent inbound) {}
}
