package org.opencc.taskrouter.routing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.routing.selection.Candidate;
import org.opencc.routing.workflow.RoutingDecision;
import org.opencc.routing.workflow.WorkflowConfiguration;
import org.opencc.support.ids.Sids;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.tracing.StageSpans;
import org.opencc.support.tracing.TraceParent;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.persistence.Db;
import org.opencc.taskrouter.queue.TaskQueue;
import org.opencc.taskrouter.reservation.Reservation;
import org.opencc.taskrouter.reservation.ReservationRepository;
import org.opencc.taskrouter.stream.WorkerEventLog;
import org.opencc.taskrouter.task.Task;
import org.opencc.taskrouter.task.TaskRepository;
import org.opencc.taskrouter.workflow.Workflow;
import org.opencc.taskrouter.workflow.WorkflowRepository;

/**
 * Offers pending tasks to workers. Runs inside the transaction of whatever made routing possible (a new task,
 * a worker becoming available, a rejected or expired reservation), serialized per workspace by an advisory
 * lock; a worker's capacity is taken by a conditional update, so replicas never exceed it.
 */
@ApplicationScoped
public class Dispatcher {
    private static final int PENDING_BATCH = 100;
    /** Free queue members read per queue and channel in a round; more only if none of them fits the target. */
    private static final int FREE_BATCH = 200;
    private final Db db;
    private final TaskRepository tasks;
    private final WorkflowRepository workflows;
    private final ReservationRepository reservations;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final RoutingPlanner planner;
    private final Tracer tracer;
    private final WorkerEventLog workerEvents;

    public Dispatcher(Db db, TaskRepository tasks, WorkflowRepository workflows, RoutingPlanner planner,
            ReservationRepository reservations, OutboxWriter outbox, Clock clock, Tracer tracer,
            WorkerEventLog workerEvents) {
        this.workerEvents = workerEvents;
        this.planner = planner;
        this.tracer = tracer;
        this.db = db;
        this.tasks = tasks;
        this.workflows = workflows;
        this.reservations = reservations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Tries to reserve a worker for every pending task of the workspace, highest priority and oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    @WithSpan("Dispatcher.dispatch")
    public void dispatch(String workspaceSid) {
        StageSpans.current(Stage.ROUTING);
        db.lock("dispatch:" + workspaceSid);
        List<Task> pending = tasks.pending(workspaceSid, PENDING_BATCH);
        if (pending.isEmpty()) {
            return;
        }
        Round round = new Round(workspaceSid, db.list("SELECT DISTINCT task_sid FROM routing_decision"
                + " WHERE task_sid = ANY (?) AND chosen_worker_sid IS NULL", rs -> rs.getString(1),
                (Object) pending.stream().map(Task::sid).toArray(String[]::new)));
        for (Task task : pending) {
            route(task, round);
        }
    }

    /**
     * What one dispatch reuses across its pending tasks: parsed workflows, the free workers per channel (kept up
     * to date as this round reserves them), and which tasks already have a "no worker" decision on record.
     */
    private final class Round {
        final String workspaceSid;
        final java.util.Set<String> explained;
        final Map<String, Optional<Workflow>> workflowsBySid = new java.util.HashMap<>();
        final Map<String, WorkflowConfiguration> configurations = new java.util.HashMap<>();
        final Map<String, List<Candidate>> free = new java.util.HashMap<>();
        final java.util.Set<String> truncated = new java.util.HashSet<>();

        Round(String workspaceSid, List<String> explained) {
            this.workspaceSid = workspaceSid;
            this.explained = new java.util.HashSet<>(explained);
        }

        Optional<Workflow> workflow(String sid) {
            return workflowsBySid.computeIfAbsent(sid, s -> workflows.find(workspaceSid, s));
        }

        WorkflowConfiguration configuration(Workflow workflow) {
            return configurations.computeIfAbsent(workflow.sid(), s -> WorkflowConfiguration.parse(
                    workflow.configuration()));
        }

        /** The queue's free members on the channel, fetched once per round (the longest idle first). */
        List<Candidate> free(String queueSid, String channel) {
            return free.computeIfAbsent(queueSid + "/" + channel, key -> {
                List<Candidate> fetched = new ArrayList<>(planner.freeMembers(queueSid, channel, FREE_BATCH));
                if (fetched.size() == FREE_BATCH) {
                    truncated.add(key);
                }
                return fetched;
            });
        }

        /** When the first batch had nobody the target accepts, the rest of the queue's free members. */
        boolean widen(String queueSid, String channel) {
            String key = queueSid + "/" + channel;
            if (!truncated.remove(key)) {
                return false;
            }
            free.put(key, new ArrayList<>(planner.freeMembers(queueSid, channel, Integer.MAX_VALUE)));
            return true;
        }

        void took(String queueSid, String channel, String workerSid) {
            List<Candidate> candidates = free(queueSid, channel);
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                if (c.workerSid().equals(workerSid)) {
                    if (c.assigned() + 1 >= c.capacity()) {
                        candidates.remove(i);
                    } else {
                        candidates.set(i, new Candidate(c.workerSid(), c.attributes(), c.available(), c.capacity(),
                                c.assigned() + 1, clock.instant()));
                    }
                    return;
                }
            }
        }
    }

    private void route(Task task, Round round) {
        Optional<Workflow> workflow = round.workflow(task.workflowSid());
        if (workflow.isEmpty()) {
            return;
        }
        Map<String, Object> attributes = Json.attributes(task.attributes());
        RoutingPlanner.Plan plan = planner.plan(round.configuration(workflow.get()), workflow.get(), task.sid(),
                attributes, queueSid -> round.free(queueSid, task.taskChannel()));
        if (plan.routable() && plan.eligibleInOrder().isEmpty()
                && round.widen(plan.queue().sid(), task.taskChannel())) {
            plan = planner.plan(round.configuration(workflow.get()), workflow.get(), task.sid(), attributes,
                    queueSid -> round.free(queueSid, task.taskChannel()));
        }
        plan.detail().put("considered", "the queue's members with room on channel " + task.taskChannel()
                + ", longest idle first; POST .../Workflows/{sid}/DryRun lists every worker");
        if (!plan.routable()) {
            recordOnce(task, workflow.get(), plan.decision(), plan.target() == null ? null : plan.target().queueSid(),
                    null, plan.detail(), round);
            return;
        }
        enterQueue(task, workflow.get(), plan.decision(), plan.queue().sid());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> considered = new ArrayList<>((List<Map<String, String>>) plan.detail()
                .get("workers"));
        Map<String, Object> detail = new LinkedHashMap<>(plan.detail());
        for (String workerSid : plan.eligibleInOrder()) {
            if (takeCapacity(workerSid, task.taskChannel())) {
                round.took(plan.queue().sid(), task.taskChannel(), workerSid);
                considered.add(Map.of("worker_sid", workerSid, "chosen", "true"));
                detail.put("workers", considered);
                reserve(task, workflow.get(), plan.queue(), workerSid);
                record(task, workflow.get(), plan.decision(), plan.queue().sid(), workerSid, detail);
                return;
            }
            considered.add(Map.of("worker_sid", workerSid, "excluded", "CAPACITY_TAKEN_CONCURRENTLY"));
        }
        detail.put("workers", considered);
        recordOnce(task, workflow.get(), plan.decision(), plan.queue().sid(), null, detail, round);
    }

    /**
     * The first time routing puts the task in a queue (or moves it to another), say so, naming the workflow and the
     * filter that matched ({@code default_filter} when the workflow's default placed it), as the decision record
     * does.
     */
    private void enterQueue(Task task, Workflow workflow, RoutingDecision decision, String queueSid) {
        if (queueSid.equals(task.taskQueueSid())) {
            return;
        }
        Instant now = clock.instant();
        db.update("UPDATE task SET task_queue_sid = ?, queue_entered_at = ?, date_updated = ? WHERE sid = ?", queueSid,
                now, now, task.sid());
        String filter = WorkflowConfiguration.DEFAULT_FILTER.equals(decision.matchedFilter())
                ? TaskQueueEntered.DEFAULT_FILTER : decision.matchedFilter();
        outbox.append(new TaskQueueEntered(task.sid(), task.workspaceSid(), queueSid, task.interactionId(), now,
                workflow.sid(), filter));
    }

    private boolean takeCapacity(String workerSid, String channel) {
        return db.update("UPDATE worker_channel SET assigned = assigned + 1 WHERE worker_sid = ? AND task_channel = ?"
                + " AND assigned < capacity", workerSid, channel) == 1;
    }

    /** Gives back one unit of a worker's capacity on a channel. */
    public void releaseCapacity(String workerSid, String channel) {
        db.update("UPDATE worker_channel SET assigned = assigned - 1 WHERE worker_sid = ? AND task_channel = ?"
                + " AND assigned > 0", workerSid, channel);
    }

    /**
     * Reserves the task to the worker. The reservation is the interaction's routing work whatever triggered it (a
     * new task, or a worker coming on shift minutes later in another request), so its span continues the
     * interaction's trace from the task's root context and links to the trigger.
     */
    private void reserve(Task task, Workflow workflow, TaskQueue queue, String workerSid) {
        Span trigger = Span.current();
        Context parent = TraceParent.parse(task.rootTraceparent())
                .map(root -> Context.root().with(Span.wrap(root)))
                .orElse(Context.current());
        SpanBuilder builder = tracer.spanBuilder("Dispatcher.reserve").setParent(parent)
                .setAttribute(SpanKeys.STAGE, Stage.ROUTING.value());
        if (trigger.getSpanContext().isValid()
                && !trigger.getSpanContext().getTraceId().equals(Span.fromContext(parent).getSpanContext().getTraceId())) {
            builder.addLink(trigger.getSpanContext());
        }
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Instant now = clock.instant();
            Reservation reservation = new Reservation(Sids.next("WR"), task.workspaceSid(), task.sid(), workerSid,
                    null, queue.sid(), task.taskChannel(), "pending", now.plusSeconds(workflow.taskReservationTimeout()),
                    now, now);
            reservations.insert(reservation);
            tasks.transition(task.sid(), "pending", "reserved", queue.sid(), now);
            db.update("UPDATE worker SET last_assigned_at = ? WHERE sid = ?", now, workerSid);
            StageSpans.id(span, SpanKeys.TASK_SID, task.sid());
            StageSpans.id(span, SpanKeys.WORKFLOW_SID, task.workflowSid());
            StageSpans.id(span, SpanKeys.INTERACTION_ID, task.interactionId());
            StageSpans.id(span, SpanKeys.RESERVATION_SID, reservation.sid());
            StageSpans.id(span, SpanKeys.WORKER_SID, workerSid);
            outbox.append(new ReservationCreated(reservation.sid(), task.sid(), task.workspaceSid(), workerSid,
                    queue.sid(), task.interactionId(), now));
            workerEvents.reservation(WorkerEventLog.RESERVATION_CREATED, reservation);
        } finally {
            span.end();
        }
    }

    private void recordOnce(Task task, Workflow workflow, RoutingDecision decision, String queueSid,
            String workerSid, Map<String, Object> detail, Round round) {
        // a task waiting for a worker is looked at on every dispatch: keep its first "no worker" record only
        if (round.explained.add(task.sid())) {
            record(task, workflow, decision, queueSid, workerSid, detail);
        }
    }

    private void record(Task task, Workflow workflow, RoutingDecision decision, String queueSid, String workerSid,
            Map<String, Object> detail) {
        db.update("INSERT INTO routing_decision (task_sid, workflow_sid, workflow_version, matched_filter,"
                + " task_queue_sid, chosen_worker_sid, detail, decided_at) VALUES (?,?,?,?,?,?,?,?)", task.sid(),
                workflow.sid(), workflow.dateUpdated(), decision.matchedFilter(), queueSid, workerSid,
                Json.write(detail), clock.instant());
    }
}
