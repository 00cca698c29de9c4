package org.opencc.support.erasure;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.contracts.compliance.ErasureRequested;
import org.opencc.contracts.compliance.PurgeCompleted;
import org.opencc.contracts.compliance.PurgeRequested;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.consumer.ProcessedEvents;
import org.opencc.support.outbox.OutboxWriter;

/**
 * Carries out one {@code erasure.requested} (and likewise one {@code retention.purge.requested}, answered with
 * {@code retention.purge.completed}): the service's {@link PersonalData} erases, and the answer
 * ({@code erasure.completed}) goes to the outbox in the same transaction, so an erasure is answered if and only if
 * it happened. A redelivered record is skipped; a retry of the request (a new record, {@code attempt} > 1) erases
 * again (nothing new) and answers again, for a straggler whose first answer was lost.
 */
@ApplicationScoped
public class ErasureService {
    private static final Logger LOG = Logger.getLogger(ErasureService.class);
    private final PersonalData personalData;
    private final ProcessedEvents processed;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final String service;

    public ErasureService(PersonalData personalData, ProcessedEvents processed, OutboxWriter outbox, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.personalData = personalData;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
        this.service = service;
    }

    @Transactional
    public void handle(InboundEvent inbound) {
        if (inbound.event().orElse(null) instanceof PurgeRequested purge) {
            purge(inbound, purge);
            return;
        }
        if (!(inbound.event().orElse(null) instanceof ErasureRequested request)) {
            return; // other compliance events are not this service's business
        }
        Span.current().setAttribute("cc.erasure.request_id", request.requestId());
        if (!processed.recordFirstSight(service + "-erasure", inbound.id())) {
            return;
        }
        long records = personalData.erase(request.customerKeys());
        outbox.append(new ErasureCompleted(request.requestId(), service, records, clock.instant()));
        // ids and counts only: the keys are pseudonymous, but an erased customer's key has no business in a log
        LOG.infof("erasure %s (attempt %d): %d record(s) erased or anonymised", request.requestId(), request.attempt(),
                records);
    }

    /** One retention purge: the service's {@link PersonalData} purges, and answers in the same transaction. */
    private void purge(InboundEvent inbound, PurgeRequested purge) {
        Span.current().setAttribute("cc.purge.id", purge.purgeId());
        if (!processed.recordFirstSight(service + "-erasure", inbound.id())) {
            return;
        }
        long records = personalData.purge(purge);
        outbox.append(new PurgeCompleted(purge.purgeId(), service, purge.dataClass(), records, clock.instant()));
        LOG.infof("purge %s of %s (policy %s, attempt %d): %d record(s) deleted or redacted", purge.purgeId(),
                purge.dataClass(), purge.policyVersion(), purge.attempt(), records);
    }
}
