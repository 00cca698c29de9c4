package org.opencc.context.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.ReservationRejected;
import org.opencc.contracts.task.ReservationTimedOut;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.consumer.ProcessedEvents;
import org.opencc.support.tracing.StageSpans;

/** Applies one task event to the views that authorize and enrich context reads; a redelivery has no effect. */
@ApplicationScoped
public class AssignmentService {
    /** Consumer name in {@code processed_event}. */
    static final String CONSUMER = "agent-context";

    private final ProcessedEvents processedEvents;
    private final AssignmentRepository repository;
    private final Clock clock;
    private final Event<ReservationOpened> opened;
    private final Event<ReservationEnded> ended;

    public AssignmentService(ProcessedEvents processedEvents, AssignmentRepository repository, Clock clock,
            Event<ReservationOpened> opened, Event<ReservationEnded> ended) {
        this.processedEvents = processedEvents;
        this.repository = repository;
        this.clock = clock;
        this.opened = opened;
        this.ended = ended;
    }

    @Transactional
    public void handle(InboundEvent inbound) {
        DomainEvent event = inbound.event().orElse(null);
        if (!(event instanceof TaskEvent taskEvent) || !applies(taskEvent)) {
            return; // types newer than our contracts do not change the views
        }
        Span span = Span.current();
        StageSpans.id(span, SpanKeys.TASK_SID, taskEvent.taskSid());
        StageSpans.id(span, SpanKeys.INTERACTION_ID, taskEvent.interactionId());
        if (!processedEvents.recordFirstSight(CONSUMER, inbound.id())) {
            span.setAttribute(SpanKeys.DUPLICATE, true);
            return;
        }
        var now = clock.instant();
        if (event instanceof TaskCreated created) {
            repository.insertTask(taskView(created, inbound.traceparent()), now);
        } else if (event instanceof ReservationCreated created) {
            repository.insertPendingReservation(created.reservationSid(), created.taskSid(), created.workerSid(), now);
            opened.fire(new ReservationOpened(created.taskSid(), created.reservationSid()));
        } else if (event instanceof TaskQueueEntered entered) {
            repository.enterQueue(entered.taskSid(), entered.taskQueueSid(), now);
        } else if (event instanceof ReservationAccepted accepted) {
            repository.moveReservation(accepted.reservationSid(), accepted.taskSid(), accepted.workerSid(),
                    "accepted", now);
            repository.assign(accepted.taskSid(), accepted.workerSid(), accepted.taskQueueSid(), now);
        } else if (event instanceof ReservationRejected rejected) {
            repository.moveReservation(rejected.reservationSid(), rejected.taskSid(), rejected.workerSid(),
                    "rejected", now);
            ended.fire(new ReservationEnded(rejected.taskSid()));
        } else if (event instanceof ReservationTimedOut timedOut) {
            repository.moveReservation(timedOut.reservationSid(), timedOut.taskSid(), timedOut.workerSid(),
                    "timeout", now);
            ended.fire(new ReservationEnded(timedOut.taskSid()));
        } else if (event instanceof TaskCompleted completed) {
            repository.endTask(completed.taskSid(), "completed", completed.reason(), now);
            ended.fire(new ReservationEnded(taskEvent.taskSid()));
        } else if (event instanceof TaskCanceled canceled) {
            repository.endTask(canceled.taskSid(), "canceled", canceled.reason(), now);
            ended.fire(new ReservationEnded(taskEvent.taskSid()));
        }
    }

    private static boolean applies(TaskEvent event) {
        return event instanceof TaskCreated || event instanceof TaskQueueEntered || event instanceof ReservationCreated
                || event instanceof ReservationAccepted || event instanceof ReservationRejected
                || event instanceof ReservationTimedOut || event instanceof TaskCompleted
                || event instanceof TaskCanceled;
    }

    /** The task as the views keep it; ids and the customer key come from the attributes the gateway set. */
    static TaskView taskView(TaskCreated created, String traceparent) {
        JsonNode attributes = attributes(created.attributes());
        String interactionId = created.interactionId() != null ? created.interactionId()
                : text(attributes, "interaction_id");
        String channel = text(attributes, "channel");
        return new TaskView(created.taskSid(), created.workspaceSid(), interactionId,
                text(attributes, "customer_key"), channel != null ? channel : created.taskChannel(), traceparent,
                attributes == null ? null : attributes.toString(), "open", null);
    }

    private static JsonNode attributes(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = EventCodec.mapper().readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null; // attributes set through the REST API may be anything; the task is still recorded
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
