package org.opencc.reporting.live;

import io.opentelemetry.api.trace.Span;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.ReservationRejected;
import org.opencc.contracts.task.ReservationTimedOut;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.contracts.worker.WorkerActivityUpdated;
import org.opencc.contracts.worker.WorkerEvent;
import org.opencc.reporting.StatementBatch;
import org.opencc.reporting.config.ReportingConfig;
import org.opencc.reporting.interval.TaskFacts;
import org.opencc.reporting.journey.JourneyEvents;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.consumer.ProcessedEvents;
import org.opencc.support.tracing.StageSpans;

/**
 * Folds task and worker events into the live state and the interval metrics' task facts ({@link TaskFacts}). Each
 * event's effects, its {@code processed_event} row and the {@code live_version} bump commit in one transaction (the
 * event's own, or its batch's), so a redelivery changes nothing and every replica's streams see each change once.
 */
@ApplicationScoped
public class LiveStateService {
    /** The consumer name in {@code processed_event}; also the Kafka group of both channels. */
    public static final String CONSUMER = "reporting-service";
    private static final Logger LOG = Logger.getLogger(LiveStateService.class);
    private static final Object FRESH = LiveStateService.class.getName() + ".freshEventIds";
    private static final Set<StatementBatch.Order> LIVE_WRITES = EnumSet.of(StatementBatch.Order.TASK_CREATED,
            StatementBatch.Order.QUEUE_ENTERED, StatementBatch.Order.TASK_STATUS, StatementBatch.Order.WORKER);

    private final ProcessedEvents processedEvents;
    private final LiveStateRepository repository;
    private final Clock clock;
    private final ReportingConfig config;
    private final TaskFacts facts;
    private final JourneyEvents journeys;
    private final TransactionSynchronizationRegistry transactions;
    private final StatementBatch statements;

    public LiveStateService(ProcessedEvents processedEvents, LiveStateRepository repository, Clock clock,
            ReportingConfig config, TaskFacts facts, JourneyEvents journeys,
            TransactionSynchronizationRegistry transactions, StatementBatch statements) {
        this.journeys = journeys;
        this.statements = statements;
        this.transactions = transactions;
        this.processedEvents = processedEvents;
        this.repository = repository;
        this.clock = clock;
        this.config = config;
        this.facts = facts;
    }

    /** Applies one event from {@code cc.tasks.v1} or {@code cc.workers.v1}; types the view ignores are skipped. */
    @Transactional
    public void handle(InboundEvent inbound) {
        // an event alone (a failed batch's, applied one by one) is a batch of one: its writes go at its commit
        statements.open();
        Span span = StageSpans.current(Stage.REPORTING);
        DomainEvent event = inbound.event().orElse(null);
        tag(span, event);
        if (!firstSight(inbound)) {
            span.setAttribute(SpanKeys.DUPLICATE, true);
            return;
        }
        if (!(event instanceof WorkerEvent)) {
            journeys.logIfKnown(inbound); // task events for journeys; unknown types are counted as skipped
        }
        if (event == null) {
            return;
        }
        // the interval facts commit with the live state and the processed_event row: one dedupe for both
        facts.record(event);
        if (apply(event, clock.instant())) {
            bumpVersionOnCommit();
        }
    }

    /**
     * Prepares a batch of events in its transaction: records every event id in one statement (each event then finds
     * whether it is new there), and queues the batch's writes to send together before the commit
     * ({@link StatementBatch}): a few round trips per batch instead of four or five per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startBatch(List<InboundEvent> events) {
        List<String> ids = events.stream().map(InboundEvent::id).filter(Objects::nonNull).toList();
        transactions.putResource(FRESH, new HashSet<>(processedEvents.recordFirstSights(CONSUMER, ids)));
        statements.open();
    }

    /** Whether this consumer sees the event for the first time; within a batch, from its one statement. */
    @SuppressWarnings("unchecked")
    private boolean firstSight(InboundEvent inbound) {
        Set<String> fresh = (Set<String>) transactions.getResource(FRESH);
        if (fresh == null) {
            return processedEvents.recordFirstSight(CONSUMER, inbound.id());
        }
        return fresh.remove(inbound.id());
    }

    /**
     * Bumps {@code live_version} once per transaction, after its queued writes are sent and only if one of them
     * changed a row: a batch of hundreds of events makes one bump, and the row's lock is held only for the commit.
     */
    private void bumpVersionOnCommit() {
        statements.whenChanged(LIVE_WRITES, LiveStateRepository.BUMP_VERSION);
    }

    private boolean apply(DomainEvent event, Instant now) {
        if (event instanceof TaskCreated created) {
            return repository.taskCreated(created.taskSid(), created.workspaceSid(), created.workflowSid(), now);
        }
        if (event instanceof TaskQueueEntered entered) {
            return repository.queueEntered(entered.taskSid(), entered.workspaceSid(), entered.taskQueueSid(),
                    entered.workflowSid(), entered.occurredAt() == null ? now : entered.occurredAt(), now);
        }
        if (event instanceof ReservationCreated reservation) {
            return repository.status(reservation.taskSid(), reservation.workspaceSid(), reservation.taskQueueSid(),
                    TaskStatus.RESERVED, reservation.workerSid(), reservation.occurredAt(), now);
        }
        if (event instanceof ReservationAccepted reservation) {
            return repository.status(reservation.taskSid(), reservation.workspaceSid(), reservation.taskQueueSid(),
                    TaskStatus.ASSIGNED, reservation.workerSid(), reservation.occurredAt(), now);
        }
        if (event instanceof ReservationRejected reservation) {
            return repository.status(reservation.taskSid(), reservation.workspaceSid(), reservation.taskQueueSid(),
                    TaskStatus.PENDING, null, reservation.occurredAt(), now);
        }
        if (event instanceof ReservationTimedOut reservation) {
            return repository.status(reservation.taskSid(), reservation.workspaceSid(), reservation.taskQueueSid(),
                    TaskStatus.PENDING, null, reservation.occurredAt(), now);
        }
        if (event instanceof TaskCompleted completed) {
            return repository.status(completed.taskSid(), completed.workspaceSid(), completed.taskQueueSid(),
                    TaskStatus.ENDED, null, completed.occurredAt(), now);
        }
        if (event instanceof TaskCanceled canceled) {
            return repository.status(canceled.taskSid(), canceled.workspaceSid(), canceled.taskQueueSid(),
                    TaskStatus.ENDED, null, canceled.occurredAt(), now);
        }
        if (event instanceof WorkerActivityUpdated worker) {
            return repository.worker(worker.workerSid(), worker.workspaceSid(), worker.friendlyName(),
                    worker.activityName(), worker.available(), worker.taskQueueSids(), now);
        }
        return false;
    }

    private static void tag(Span span, DomainEvent event) {
        if (event instanceof TaskEvent task) {
            StageSpans.id(span, SpanKeys.TASK_SID, task.taskSid());
            StageSpans.id(span, SpanKeys.INTERACTION_ID, task.interactionId());
        }
        if (event instanceof ReservationCreated reservation) {
            StageSpans.id(span, SpanKeys.RESERVATION_SID, reservation.reservationSid());
            StageSpans.id(span, SpanKeys.WORKER_SID, reservation.workerSid());
        }
        if (event instanceof ReservationAccepted reservation) {
            StageSpans.id(span, SpanKeys.RESERVATION_SID, reservation.reservationSid());
            StageSpans.id(span, SpanKeys.WORKER_SID, reservation.workerSid());
        }
        if (event instanceof ReservationRejected reservation) {
            StageSpans.id(span, SpanKeys.RESERVATION_SID, reservation.reservationSid());
            StageSpans.id(span, SpanKeys.WORKER_SID, reservation.workerSid());
        }
        if (event instanceof ReservationTimedOut reservation) {
            StageSpans.id(span, SpanKeys.RESERVATION_SID, reservation.reservationSid());
            StageSpans.id(span, SpanKeys.WORKER_SID, reservation.workerSid());
        }
        if (event instanceof WorkerActivityUpdated worker) {
            StageSpans.id(span, SpanKeys.WORKER_SID, worker.workerSid());
        }
    }

    /**
     * Forgets tasks ended longer ago than {@code cc.reporting.live.ended-retention}. Safe on every replica at once:
     * a second delete finds nothing. Counts do not change, but a queue left with no rows drops out of the view, so
     * the version is bumped and open streams send the shorter list.
     */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void pruneEnded() {
        int pruned = repository.pruneEnded(clock.instant().minus(config.live().endedRetention()));
        if (pruned > 0) {
            repository.bumpVersion();
            LOG.infof("pruned %d ended tasks from the live view", pruned);
        }
    }
}
