package org.opencc.taskrouter.reservation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationRejected;
import org.opencc.contracts.task.ReservationTimedOut;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.tracing.StageSpans;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.routing.Dispatcher;
import org.opencc.taskrouter.stream.WorkerEventLog;
import org.opencc.taskrouter.task.Task;
import org.opencc.taskrouter.task.TaskRepository;

/** A worker's answer to a reservation, and reservations nobody answered. */
@ApplicationScoped
public class ReservationService {
    private final ReservationRepository reservations;
    private final TaskRepository tasks;
    private final Dispatcher dispatcher;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final WorkerEventLog workerEvents;

    public ReservationService(ReservationRepository reservations, TaskRepository tasks, Dispatcher dispatcher,
            OutboxWriter outbox, Clock clock, WorkerEventLog workerEvents) {
        this.workerEvents = workerEvents;
        this.reservations = reservations;
        this.tasks = tasks;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Reservation get(String workspaceSid, String workerSid, String sid) {
        return reservations.find(workspaceSid, workerSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Workers/" + workerSid + "/Reservations/" + sid));
    }

    /** Accepts a pending reservation: the task becomes assigned to the worker. */
    @Transactional
    @WithSpan("ReservationService.accept")
    public Reservation accept(String workspaceSid, String workerSid, String sid) {
        Reservation reservation = pending(workspaceSid, workerSid, sid, "accepted");
        Instant now = clock.instant();
        tasks.transition(reservation.taskSid(), "reserved", "assigned", null, now);
        Task task = tasks.find(workspaceSid, reservation.taskSid()).orElseThrow();
        outbox.append(new ReservationAccepted(sid, task.sid(), workspaceSid, workerSid, reservation.taskQueueSid(),
                task.interactionId(), now));
        workerEvents.reservation(WorkerEventLog.RESERVATION_ACCEPTED, reservation);
        return get(workspaceSid, workerSid, sid);
    }

    /** Rejects a pending reservation: the worker's capacity comes back and the task is routed again. */
    @Transactional
    @WithSpan("ReservationService.reject")
    public Reservation reject(String workspaceSid, String workerSid, String sid) {
        Reservation reservation = pending(workspaceSid, workerSid, sid, "rejected");
        Instant now = clock.instant();
        requeue(reservation, now);
        Task task = tasks.find(workspaceSid, reservation.taskSid()).orElseThrow();
        outbox.append(new ReservationRejected(sid, task.sid(), workspaceSid, workerSid, reservation.taskQueueSid(),
                task.interactionId(), now));
        workerEvents.reservation(WorkerEventLog.RESERVATION_REJECTED, reservation);
        dispatcher.dispatch(workspaceSid);
        return get(workspaceSid, workerSid, sid);
    }

    /** Times out one expired reservation claimed by {@link ReservationExpiry}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Reservation reservation) {
        Instant now = clock.instant();
        if (!reservations.resolvePending(reservation.sid(), "timeout", now)) {
            return;
        }
        requeue(reservation, now);
        Task task = tasks.find(reservation.workspaceSid(), reservation.taskSid()).orElseThrow();
        outbox.append(new ReservationTimedOut(reservation.sid(), task.sid(), reservation.workspaceSid(),
                reservation.workerSid(), reservation.taskQueueSid(), task.interactionId(), now));
        workerEvents.reservation(WorkerEventLog.RESERVATION_TIMEOUT, reservation);
        dispatcher.dispatch(reservation.workspaceSid());
    }

    private Reservation pending(String workspaceSid, String workerSid, String sid, String to) {
        Reservation reservation = get(workspaceSid, workerSid, sid);
        Span span = StageSpans.current(Stage.ROUTING);
        StageSpans.id(span, SpanKeys.RESERVATION_SID, sid);
        StageSpans.id(span, SpanKeys.TASK_SID, reservation.taskSid());
        StageSpans.id(span, SpanKeys.WORKER_SID, workerSid);
        tasks.find(workspaceSid, reservation.taskSid()).ifPresent(task -> StageSpans.linkToInteraction(span,
                task.interactionId(), task.rootTraceparent()));
        if (!reservations.resolvePending(sid, to, clock.instant())) {
            throw new ProblemException(TwilioErrors.RESERVATION_NOT_PENDING, "Reservation " + sid + " is "
                    + get(workspaceSid, workerSid, sid).reservationStatus() + ", not pending; it cannot be " + to);
        }
        return reservation;
    }

    private void requeue(Reservation reservation, Instant now) {
        dispatcher.releaseCapacity(reservation.workerSid(), reservation.taskChannel());
        tasks.transition(reservation.taskSid(), "reserved", "pending", null, now);
    }
}
