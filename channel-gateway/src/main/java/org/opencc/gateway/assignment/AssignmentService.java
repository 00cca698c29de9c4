package org.opencc.gateway.assignment;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.interaction.InteractionAssigned;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.gateway.interaction.InteractionRepository;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.consumer.ProcessedEvents;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.tracing.StageSpans;

/**
 * Records that an agent accepted an interaction of ours: its task and worker, status {@code assigned}, and an
 * {@code interaction.assigned} event; and that its task completed or was canceled: the interaction ends, so its
 * conversation takes no more messages. Once per event however often Kafka delivers it.
 */
@ApplicationScoped
public class AssignmentService {
    /** Our name in {@code processed_event}. */
    static final String CONSUMER = "channel-gateway";
    private static final Logger LOG = Logger.getLogger(AssignmentService.class);

    private final ProcessedEvents processedEvents;
    private final InteractionRepository interactions;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AssignmentService(ProcessedEvents processedEvents, InteractionRepository interactions,
            OutboxWriter outbox, Clock clock) {
        this.processedEvents = processedEvents;
        this.interactions = interactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void handle(InboundEvent inbound) {
        if (!processedEvents.recordFirstSight(CONSUMER, inbound.id())) {
            return;
        }
        if (inbound.event().isPresent() && inbound.event().get() instanceof TaskCompleted completed) {
            end(completed.interactionId(), completed.taskSid());
            return;
        }
        if (inbound.event().isPresent() && inbound.event().get() instanceof TaskCanceled canceled) {
            end(canceled.interactionId(), canceled.taskSid());
            return;
        }
        if (inbound.event().isEmpty() || !(inbound.event().get() instanceof ReservationAccepted accepted)) {
            return;
        }
        Span span = Span.current();
        StageSpans.id(span, SpanKeys.INTERACTION_ID, accepted.interactionId());
        StageSpans.id(span, SpanKeys.TASK_SID, accepted.taskSid());
        StageSpans.id(span, SpanKeys.WORKER_SID, accepted.workerSid());
        Instant now = clock.instant();
        if (accepted.interactionId() == null
                || !interactions.assign(accepted.interactionId(), accepted.taskSid(), accepted.workerSid(), now)) {
            // another gateway's interaction (or none): not ours to connect
            LOG.debugf("reservation %s names no interaction of ours", accepted.reservationSid());
            return;
        }
        interactions.find(accepted.interactionId()).ifPresent(interaction -> StageSpans.linkToInteraction(span,
                interaction.id(), interaction.rootTraceparent()));
        outbox.append(new InteractionAssigned(accepted.interactionId(), accepted.taskSid(), accepted.workerSid(),
                now));
        LOG.infof("interaction %s assigned to worker %s (task %s)", accepted.interactionId(), accepted.workerSid(),
                accepted.taskSid());
    }

    // no event of its own (contracts has no interaction.ended): the gateway only closes the conversation
    private void end(String interactionId, String taskSid) {
        StageSpans.id(Span.current(), SpanKeys.INTERACTION_ID, interactionId);
        if (interactionId != null && interactions.end(interactionId, clock.instant())) {
            LOG.infof("interaction %s ended with task %s", interactionId, taskSid);
        }
    }
}
