package org.opencc.support.erasure;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.Stage;
import org.opencc.support.consumer.EventConsumer;

/**
 * Every service's consumer of erasure requests on {@code cc.compliance.v1} (channel {@code erasure-in}, group: the
 * service's name; configured in service-support's defaults).
 */
@ApplicationScoped
public class ErasureListener {
    private final EventConsumer consumer;
    private final ErasureService erasure;

    public ErasureListener(EventConsumer consumer, ErasureService erasure) {
        this.consumer = consumer;
        this.erasure = erasure;
    }

    @Incoming("erasure-in")
    @Blocking
    public void onComplianceEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "ErasureListener.onComplianceEvent", Stage.COMPLIANCE, erasure::handle);
    }
}
