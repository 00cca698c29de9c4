package org.opencc.taskrouter.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencc.routing.expression.Expression;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.taskrouter.activity.Activity;
import org.opencc.taskrouter.activity.ActivityRepository;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.config.RouterConfig;
import org.opencc.taskrouter.persistence.Db;
import org.opencc.taskrouter.reservation.Reservation;
import org.opencc.taskrouter.reservation.ReservationRepository;
import org.opencc.taskrouter.reservation.ReservationService;
import org.opencc.taskrouter.routing.Dispatcher;
import org.opencc.taskrouter.stream.WorkerEventLog;
import org.opencc.taskrouter.workspace.Workspace;

/** Workers: created with capacity on every task channel; an update that may free capacity triggers routing. */
@ApplicationScoped
public class WorkerService {
    private final WorkerRepository workers;
    private final ActivityRepository activities;
    private final Dispatcher dispatcher;
    private final Db db;
    private final RouterConfig config;
    private final Clock clock;
    private final WorkerEvents events;
    private final WorkerEventLog workerEvents;
    private final ReservationRepository reservations;
    private final ReservationService reservationService;

    public WorkerService(WorkerRepository workers, ActivityRepository activities, Dispatcher dispatcher, Db db,
            RouterConfig config, Clock clock, WorkerEvents events, WorkerEventLog workerEvents,
            ReservationRepository reservations, ReservationService reservationService) {
        this.reservations = reservations;
        this.reservationService = reservationService;
        this.workerEvents = workerEvents;
        this.events = events;
        this.workers = workers;
        this.activities = activities;
        this.dispatcher = dispatcher;
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Worker create(Workspace workspace, String friendlyName, String attributes, String activitySid) {
        if (workers.existsByName(workspace.sid(), friendlyName)) {
            throw new ProblemException(TwilioErrors.DUPLICATE,
                    "Worker with FriendlyName " + friendlyName + " already exists");
        }
        Activity activity = activity(workspace.sid(), activitySid != null ? activitySid
                : workspace.defaultActivitySid());
        Instant now = clock.instant();
        String sid = Sids.next("WK");
        workers.insert(new Worker(sid, workspace.sid(), friendlyName, attributes == null ? "{}" : attributes,
                activity.sid(), activity.friendlyName(), activity.available(), null, now, now, now));
        db.list("SELECT unique_name FROM task_channel WHERE workspace_sid = ?", rs -> rs.getString(1),
                workspace.sid()).forEach(channel -> workers.insertChannel(sid, channel,
                        config.defaultChannelCapacity()));
        Worker created = get(workspace.sid(), sid);
        events.changed(created);
        workerEvents.activity(created);
        if (activity.available()) {
            dispatcher.dispatch(workspace.sid());
        }
        return created;
    }

    /**
     * Updates a worker. {@code rejectPending} (TaskRouter's {@code RejectPendingReservations}) rejects the worker's
     * pending reservations, their tasks routed again; it is valid only with an unavailable {@code activitySid}.
     */
    @Transactional
    public Worker update(String workspaceSid, String sid, String friendlyName, String attributes,
            String activitySid, boolean rejectPending) {
        Worker worker = get(workspaceSid, sid);
        Activity activity = activitySid == null ? null : activity(workspaceSid, activitySid);
        if (rejectPending && (activity == null || activity.available())) {
            throw TwilioErrors.invalid("RejectPendingReservations", "is only valid with an ActivitySid whose"
                    + " activity is unavailable");
        }
        Instant now = clock.instant();
        boolean statusChanged = activity != null && !activity.sid().equals(worker.activitySid());
        workers.update(sid, friendlyName != null ? friendlyName : worker.friendlyName(),
                attributes != null ? attributes : worker.attributes(),
                activity != null ? activity.sid() : worker.activitySid(),
                statusChanged ? now : worker.dateStatusChanged(), now);
        Worker updated = get(workspaceSid, sid);
        if (statusChanged || attributes != null) {
            events.changed(updated);
        }
        if (statusChanged) {
            workerEvents.activity(updated);
        }
        if (rejectPending) {
            for (Reservation pending : reservations.listForWorker(workspaceSid, sid, "pending", 0, Integer.MAX_VALUE)) {
                reservationService.reject(workspaceSid, sid, pending.sid());
            }
        }
        if (updated.available() && (statusChanged || attributes != null)) {
            dispatcher.dispatch(workspaceSid);
        }
        return updated;
    }

    /** Deletes a worker without open reservations; Twilio refuses the others with a 400. */
    @Transactional
    public void delete(String workspaceSid, String sid) {
        Worker worker = get(workspaceSid, sid);
        db.one("SELECT sid FROM worker WHERE sid = ? FOR UPDATE", rs -> rs.getString(1), sid);
        long live = workers.liveReservations(sid);
        if (live > 0) {
            throw new ProblemException(TwilioErrors.IN_USE, "Cannot delete Worker " + sid + ": it has " + live
                    + " pending or accepted reservation(s)");
        }
        workers.delete(sid);
        events.deleted(worker);
    }

    /**
     * One page of a worker list, in the asked order; {@code expression} (TargetWorkersExpression, or a queue's
     * TargetWorkers) keeps only the workers it selects.
     */
    public List<Worker> list(String workspaceSid, WorkerRepository.WorkerFilter filter, String orderBy,
            Expression expression, org.opencc.taskrouter.api.Paging paging) {
        if (expression == null) {
            // nothing to evaluate in memory: the database reads just the page
            return workers.listAll(workspaceSid, filter, orderBy, paging);
        }
        return paging.slice(workers.listAll(workspaceSid, filter, orderBy, null).stream().filter(w -> {
            Map<String, Object> attributes = Json.attributes(w.attributes());
            Map<String, Object> scope = new HashMap<>(attributes);
            scope.put("worker", attributes);
            return expression.matches(scope);
        }).toList());
    }

    public Worker get(String workspaceSid, String sid) {
        return workers.find(workspaceSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Workers/" + sid));
    }

    private Activity activity(String workspaceSid, String activitySid) {
        return activities.find(workspaceSid, activitySid).orElseThrow(() -> TwilioErrors.invalid("ActivitySid",
                "activity " + activitySid + " does not exist in this workspace"));
    }
}
