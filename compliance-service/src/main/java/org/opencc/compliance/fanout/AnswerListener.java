package org.opencc.compliance.fanout;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.opencc.compliance.audit.AuditService;
import org.opencc.compliance.erasure.ErasureRequests;
import org.opencc.compliance.retention.RetentionConfig;
import org.opencc.compliance.retention.RetentionPurges;
import org.opencc.contracts.Stage;
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.support.consumer.EventConsumer;

/**
 * The services' answers on {@code cc.compliance-acks.v1} (channel {@code acks-in}): each is audited and recorded
 * against its erasure request ({@code erasure.completed}) or retention purge ({@code retention.purge.completed}).
 * And the retry loop: a request or purge some service has not answered within {@code cc.erasure.retry-after}
 * (purges: {@code cc.compliance.retention.retry-after}) is published again.
 */
@ApplicationScoped
public class AnswerListener {
    private static final Logger LOG = Logger.getLogger(AnswerListener.class);
    private final EventConsumer consumer;
    private final ErasureRequests erasures;
    private final RetentionPurges purges;
    private final AuditService audit;
    private final Clock clock;
    private final Duration erasureRetryAfter;
    private final Duration purgeRetryAfter;

    public AnswerListener(EventConsumer consumer, ErasureRequests erasures, RetentionPurges purges,
            AuditService audit, Clock clock,
            @ConfigProperty(name = "cc.erasure.retry-after") Duration erasureRetryAfter, RetentionConfig retention) {
        this.consumer = consumer;
        this.erasures = erasures;
        this.purges = purges;
        this.audit = audit;
        this.clock = clock;
        this.erasureRetryAfter = erasureRetryAfter;
        this.purgeRetryAfter = retention.retryAfter();
    }

    @Incoming("acks-in")
    @Blocking
    public void onAnswer(ConsumerRecord<String, String> record) {
        consumer.consume(record, "AnswerListener.onAnswer", Stage.COMPLIANCE, inbound -> {
            audit.record(record.topic(), null, inbound);
            Object event = inbound.event().orElse(null);
            if (event instanceof ErasureCompleted answer) {
                erasures.answered(answer);
            } else if (event instanceof PurgeCompleted answer) {
                purges.answered(answer);
            }
        });
    }

    @Scheduled(every = "${cc.erasure.retry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryStragglers() {
        Instant now = clock.instant();
        // each in its own transaction: one failing does not hold the other back
        retry("erasure", () -> erasures.retry(now.minus(erasureRetryAfter)));
        retry("retention purge", () -> purges.retry(now.minus(purgeRetryAfter)));
    }

    private static void retry(String what, Runnable pass) {
        try {
            pass.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "retrying %s requests failed; the next pass tries again", what);
        }
    }
}
