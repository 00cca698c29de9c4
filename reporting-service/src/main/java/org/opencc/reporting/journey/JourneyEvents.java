package org.opencc.reporting.journey;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.opencc.contracts.DomainEvent;
import org.opencc.reporting.config.ReportingConfig;
import org.opencc.reporting.otlp.SpanLog;
import org.opencc.support.consumer.InboundEvent;

/**
 * Writes consumed events into {@code event_log}. An event of a type this version does not know is counted
 * ({@code reporting_events_skipped_total{type}}) and skipped, never fatal: producers may be newer than us.
 */
@ApplicationScoped
public class JourneyEvents {
    private static final Logger LOG = Logger.getLogger(JourneyEvents.class);

    private final EventLog log;
    private final SpanLog spans;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReportingConfig config;

    public JourneyEvents(EventLog log, SpanLog spans, Clock clock, MeterRegistry meters, ReportingConfig config) {
        this.log = log;
        this.spans = spans;
        this.clock = clock;
        this.meters = meters;
        this.config = config;
    }

    /** Logs one event from the journey channels, in its own transaction. */
    @Transactional
    public void record(InboundEvent inbound) {
        logIfKnown(inbound);
    }

    /** Logs the event if its type is known; call inside the consumer's transaction. */
    public void logIfKnown(InboundEvent inbound) {
        DomainEvent event = inbound.event().orElse(null);
        if (event == null) {
            meters.counter("reporting_events_skipped_total", "type", String.valueOf(inbound.type())).increment();
            return;
        }
        log.record(inbound, event, clock.instant());
    }

    /** Forgets events older than {@code cc.reporting.journeys.retention}; safe on every replica at once. */
    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        int pruned = log.prune(clock.instant().minus(config.journeys().retention()))
                + spans.prune(clock.instant().minus(config.journeys().retention()));
        if (pruned > 0) {
            LOG.infof("pruned %d events and spans older than %s", pruned, config.journeys().retention());
        }
    }
}
