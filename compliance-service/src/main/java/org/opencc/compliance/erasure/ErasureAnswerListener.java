package org.opencc.compliance.erasure;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.compliance.audit.AuditService;
import org.opencc.contracts.Stage;
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.support.consumer.EventConsumer;

/**
 * The services' answers on {@code cc.compliance-acks.v1} (channel {@code acks-in}): each is audited and recorded
 * against its request. And the retry loop: a request some service has not answered within
 * {@code cc.erasure.retry-after} is published again.
 */
@ApplicationScoped
public class ErasureAnswerListener {
    private final EventConsumer consumer;
    private final ErasureRequests erasures;
    private final AuditService audit;
    private final Clock clock;
    private final Duration retryAfter;

    public ErasureAnswerListener(EventConsumer consumer, ErasureRequests erasures, AuditService audit, Clock clock,
            @ConfigProperty(name = "cc.erasure.retry-after") Duration retryAfter) {
        this.consumer = consumer;
        this.erasures = erasures;
        this.audit = audit;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    @Incoming("acks-in")
    @Blocking
    public void onAnswer(ConsumerRecord<String, String> record) {
        consumer.consume(record, "ErasureAnswerListener.onAnswer", Stage.COMPLIANCE, inbound -> {
            audit.record(record.topic(), null, inbound);
            if (inbound.event().orElse(null) instanceof ErasureCompleted answer) {
                erasures.answered(answer);
            }
        });
    }

    @Scheduled(every = "${cc.erasure.retry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryStragglers() {
        erasures.retry(clock.instant().minus(retryAfter));
    }
}
