package org.opencc.reporting.journey;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opencc.contracts.Stage;
import org.opencc.support.consumer.EventConsumer;

/**
 * Logs the interaction events journeys need beyond the task events the live view folds (those are logged by
 * {@code LiveStateService}): {@code cc.interactions.v1}, {@code cc.context.v1} and {@code cc.compliance.v1}. The
 * channels use their own group, {@code reporting-service-journeys}: {@code cc.compliance.v1} is also read by the
 * erasure channel in group {@code reporting-service}, and two channels of one group on one topic would split its
 * partitions between them, each seeing only part of it.
 */
@ApplicationScoped
public class JourneyEventListener {
    private final EventConsumer consumer;
    private final JourneyEvents journeys;

    public JourneyEventListener(EventConsumer consumer, JourneyEvents journeys) {
        this.consumer = consumer;
        this.journeys = journeys;
    }

    @Incoming("journey-interactions-in")
    @Blocking
    public void onInteractionEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "JourneyEventListener.onInteractionEvent", Stage.REPORTING, journeys::record);
    }

    @Incoming("journey-context-in")
    @Blocking
    public void onContextEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "JourneyEventListener.onContextEvent", Stage.REPORTING, journeys::record);
    }

    @Incoming("journey-compliance-in")
    @Blocking
    public void onComplianceEvent(ConsumerRecord<String, String> record) {
        consumer.consume(record, "JourneyEventListener.onComplianceEvent", Stage.REPORTING, journeys::record);
    }
}
