package org.opencc.taskrouter.task;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.interaction.InteractionCreated;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.routing.statistics.LiveDefinitions;
import org.opencc.support.consumer.InboundEvent;
import org.opencc.support.consumer.ProcessedEvents;
import org.opencc.support.ids.Sids;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.tracing.StageSpans;
import org.opencc.support.tracing.TraceParent;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.persistence.Db;
import org.opencc.taskrouter.routing.Dispatcher;
import org.opencc.taskrouter.statistics.StatisticsRepository;
import org.opencc.taskrouter.workflow.Workflow;
import org.opencc.taskrouter.workflow.WorkflowRepository;
import org.opencc.taskrouter.workspace.WorkspaceService;

/** Opens tasks (from interactions or the REST API), and ends them. */
@ApplicationScoped
public class TaskService {
    private static final Logger LOG = Logger.getLogger(TaskService.class);
    static final String CONSUMER = "task-router";
    /** Seconds a task may live before TaskRouter cancels it (Twilio's default: 24 hours). */
    static final int DEFAULT_TIMEOUT = 86_400;
    /** The longest {@code Timeout} TaskRouter accepts: 2 weeks. */
    static final int MAX_TIMEOUT = 1_209_600;
    /** The reason of a task canceled because its {@code Timeout} passed before it was assigned, as TaskRouter's. */
    public static final String TTL_EXCEEDED = "Task TTL Exceeded";

    private final TaskRepository tasks;
    private final WorkflowRepository workflows;
    private final Dispatcher dispatcher;
    private final OutboxWriter outbox;
    private final ProcessedEvents processed;
    private final StatisticsRepository statistics;
    private final Db db;
    private final Clock clock;

    public TaskService(TaskRepository tasks, WorkflowRepository workflows, Dispatcher dispatcher, OutboxWriter outbox,
            ProcessedEvents processed, StatisticsRepository statistics, Db db, Clock clock) {
        this.tasks = tasks;
        this.workflows = workflows;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.processed = processed;
        this.statistics = statistics;
        this.db = db;
        this.clock = clock;
    }

    /**
     * Opens the task for a new interaction and routes it, once per event: a redelivered event, or a second event
     * for the same interaction, changes nothing.
     */
    @Transactional
    public void openForInteraction(InboundEvent inbound, InteractionCreated interaction) {
        if (!processed.recordFirstSight(CONSUMER, inbound.id())) {
            return;
        }
        Span span = Span.current();
        StageSpans.id(span, SpanKeys.INTERACTION_ID, interaction.interactionId());
        StageSpans.id(span, SpanKeys.WORKFLOW_SID, interaction.workflowSid());
        Optional<Workflow> workflow = workflows.find(interaction.workspaceSid(), interaction.workflowSid());
        if (workflow.isEmpty()) {
            // the number mapping names a workflow we do not have: nothing to route to, and retrying cannot help
            StageSpans.failure(span, "workflow-not-found");
            LOG.warnf("interaction %s names workflow %s in workspace %s, which does not exist; no task opened",
                    interaction.interactionId(), interaction.workflowSid(), interaction.workspaceSid());
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("channel", interaction.channel().value());
        attributes.put("interaction_id", interaction.interactionId());
        attributes.put("customer_key", interaction.customerKey());
        attributes.put("country", interaction.country());
        attributes.put("region", interaction.region());
        if (interaction.expectedQueueSid() != null) {
            // the number's expected queue, for journeys to spot a misroute; never replaces the interaction's own
            attributes.putIfAbsent("expected_queue", interaction.expectedQueueSid());
        }
        Task task = newTask(workflow.get(), channelOf(interaction.workspaceSid(), interaction.channel().value()),
                Json.write(attributes), 0, DEFAULT_TIMEOUT, interaction.interactionId());
        if (tasks.insert(task)) {
            opened(task);
        }
    }

    /** Creates a task through the REST API and routes it. */
    @Transactional
    public Task create(String workspaceSid, String workflowSid, String attributes, int priority, int timeout,
            String taskChannel) {
        Workflow workflow = workflowSid != null
                ? workflows.find(workspaceSid, workflowSid).orElseThrow(() -> TwilioErrors.invalid("WorkflowSid",
                        "workflow " + workflowSid + " does not exist in this workspace"))
                : onlyWorkflow(workspaceSid);
        String channel = taskChannel == null ? channelOf(workspaceSid, String.valueOf(
                Json.attributes(attributes).get("channel"))) : knownChannel(workspaceSid, taskChannel);
        Task task = newTask(workflow, channel, attributes, priority, timeout, null);
        tasks.insert(task);
        opened(task);
        return tasks.find(workspaceSid, task.sid()).orElseThrow();
    }

    /** Ends a task (completed or canceled), giving back the capacity its live reservation held. */
    @Transactional
    public Task end(String workspaceSid, String taskSid, String status, String reason) {
        Task task = tasks.find(workspaceSid, taskSid).orElseThrow(() -> notFound(workspaceSid, taskSid));
        List<String> allowedFrom = status.equals("completed") ? List.of("assigned", "wrapping")
                : List.of("pending", "reserved", "assigned", "wrapping");
        if (!allowedFrom.contains(task.assignmentStatus())) {
            throw new ProblemException(TwilioErrors.IN_USE, "Task " + taskSid + " is " + task.assignmentStatus()
                    + " and cannot be " + status);
        }
        Instant now = clock.instant();
        Integer availableWorkers = status.equals("canceled") ? availableWorkers(task) : null;
        closeLiveReservations(taskSid, "canceled", "completed", now);
        if (!tasks.transition(taskSid, task.assignmentStatus(), status, null, now)) {
            throw new ProblemException(TwilioErrors.IN_USE, "Task " + taskSid + " changed concurrently; retry");
        }
        db.update("UPDATE task SET reason = ? WHERE sid = ?", reason, taskSid);
        outbox.append(status.equals("completed")
                ? new TaskCompleted(taskSid, workspaceSid, task.taskQueueSid(), task.interactionId(), reason, now)
                : new TaskCanceled(taskSid, workspaceSid, task.taskQueueSid(), task.interactionId(), reason,
                        availableWorkers, now));
        dispatcher.dispatch(workspaceSid);
        return tasks.find(workspaceSid, taskSid).orElseThrow();
    }

    /**
     * Cancels one task claimed (and locked) by {@link TaskExpiry}: its {@code Timeout} passed while it was pending or
     * reserved. Ends it as any cancellation does, with the reason {@value #TTL_EXCEEDED}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Task task) {
        end(task.workspaceSid(), task.sid(), "canceled", TTL_EXCEEDED);
    }

    /**
     * Updates a task as TaskRouter does. New {@code attributes} re-route a task that is not assigned yet (a pending
     * reservation is rescinded and its capacity given back); an assigned or wrapping task just keeps them.
     * {@code assignmentStatus} is {@code wrapping} (from assigned), {@code completed} or {@code canceled}.
     */
    @Transactional
    public Task update(String workspaceSid, String taskSid, TaskChange change) {
        Task task = tasks.lock(workspaceSid, taskSid).orElseThrow(() -> notFound(workspaceSid, taskSid));
        boolean finished = task.assignmentStatus().equals("completed") || task.assignmentStatus().equals("canceled");
        if (finished && (change.attributes() != null || change.priority() != null || change.taskChannel() != null)) {
            throw new ProblemException(TwilioErrors.IN_USE, "Task " + taskSid + " is " + task.assignmentStatus()
                    + "; its attributes, priority and channel can no longer change");
        }
        if (change.taskChannel() != null && !task.assignmentStatus().equals("pending")) {
            throw TwilioErrors.invalid("TaskChannel", "can change only while the task is pending");
        }
        Instant now = clock.instant();
        String channel = change.taskChannel() != null ? knownChannel(workspaceSid, change.taskChannel())
                : task.taskChannel();
        tasks.update(taskSid, change.attributes() != null ? change.attributes() : task.attributes(),
                change.priority() != null ? change.priority() : task.priority(),
                change.reason() != null ? change.reason() : task.reason(), channel, now);
        boolean reroute = change.attributes() != null || change.priority() != null || change.taskChannel() != null;
        if (reroute && task.assignmentStatus().equals("reserved")) {
            closeLiveReservations(taskSid, "rescinded", null, now);
            tasks.transition(taskSid, "reserved", "pending", null, now);
        }
        String status = change.assignmentStatus();
        if (status != null && (status.equals("completed") || status.equals("canceled"))) {
            return end(workspaceSid, taskSid, status, change.reason());
        }
        if (status != null && status.equals("wrapping") && !task.assignmentStatus().equals("wrapping")) {
            if (!tasks.transition(taskSid, "assigned", "wrapping", null, now)) {
                throw new ProblemException(TwilioErrors.IN_USE, "Task " + taskSid + " is "
                        + task.assignmentStatus() + " and cannot be wrapping");
            }
            db.update("UPDATE reservation SET reservation_status = 'wrapping', date_updated = ? WHERE task_sid = ?"
                    + " AND reservation_status = 'accepted'", now, taskSid);
        }
        if (reroute) {
            dispatcher.dispatch(workspaceSid);
        }
        return tasks.find(workspaceSid, taskSid).orElseThrow();
    }

    /**
     * Deletes a task and its reservations, giving back the capacity they held. An unfinished task is reported
     * canceled first (reason "deleted"), so consumers see it end.
     */
    @Transactional
    public void delete(String workspaceSid, String taskSid) {
        Task task = tasks.lock(workspaceSid, taskSid).orElseThrow(() -> notFound(workspaceSid, taskSid));
        Instant now = clock.instant();
        Integer availableWorkers = availableWorkers(task);
        closeLiveReservations(taskSid, "canceled", "canceled", now);
        if (!task.assignmentStatus().equals("completed") && !task.assignmentStatus().equals("canceled")) {
            outbox.append(new TaskCanceled(taskSid, workspaceSid, task.taskQueueSid(), task.interactionId(),
                    "deleted", availableWorkers, now));
        }
        tasks.delete(taskSid);
        dispatcher.dispatch(workspaceSid);
    }

    /** What a task update asks for; null means "keep". */
    public record TaskChange(String attributes, Integer priority, String reason, String assignmentStatus,
            String taskChannel) {}

    /**
     * Ends the task's live reservations, giving back the worker capacity each held: pending ones become
     * {@code pendingTo}, accepted or wrapping ones {@code acceptedTo} (left alone when null).
     */
    private void closeLiveReservations(String taskSid, String pendingTo, String acceptedTo, Instant now) {
        db.list("SELECT sid, worker_sid, task_channel, reservation_status FROM reservation WHERE task_sid = ?"
                + " AND reservation_status IN ('pending', 'accepted', 'wrapping') FOR UPDATE", rs -> new String[] {
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, taskSid)
                .forEach(live -> {
                    String to = live[3].equals("pending") ? pendingTo : acceptedTo;
                    if (to != null) {
                        db.update("UPDATE reservation SET reservation_status = ?, date_updated = ? WHERE sid = ?",
                                to, now, live[0]);
                        dispatcher.releaseCapacity(live[1], live[2]);
                    }
                });
    }

    /**
     * For {@code task.canceled}: how many members of the task's queue are free for its channel now, as the queue's
     * {@code total_available_workers} counts them; null when the task was already accepted (or ended) or is in no
     * queue. Call before the task's reservations are closed, so the capacity its reservation holds still counts as in
     * use.
     */
    private Integer availableWorkers(Task task) {
        if (!LiveDefinitions.WAITING.contains(task.assignmentStatus()) || task.taskQueueSid() == null) {
            return null;
        }
        return Math.toIntExact(statistics.availableMembers(task.taskQueueSid(), task.taskChannel()));
    }

    private static ProblemException notFound(String workspaceSid, String taskSid) {
        return TwilioErrors.notFound("/Workspaces/" + workspaceSid + "/Tasks/" + taskSid);
    }

    private void opened(Task task) {
        Span span = Span.current();
        StageSpans.id(span, SpanKeys.TASK_SID, task.sid());
        outbox.append(new TaskCreated(task.sid(), task.workspaceSid(), task.workflowSid(), task.interactionId(),
                task.taskChannel(), task.priority(), task.attributes(), task.dateCreated()));
        dispatcher.dispatch(task.workspaceSid());
    }

    private Task newTask(Workflow workflow, String channel, String attributes, int priority, int timeout,
            String interactionId) {
        Instant now = clock.instant();
        String traceparent = TraceParent.format(Span.current().getSpanContext()).orElse(null);
        return new Task(Sids.next("WT"), workflow.workspaceSid(), workflow.sid(), null, channel, attributes,
                "pending", priority, timeout, null, interactionId, traceparent, now, now, now);
    }

    private Workflow onlyWorkflow(String workspaceSid) {
        List<Workflow> all = workflows.list(workspaceSid, null, 0, 2);
        if (all.size() != 1) {
            throw TwilioErrors.missing("WorkflowSid");
        }
        return all.get(0);
    }

    /** The task channel for a channel name: itself when the workspace has it, else {@code default}. */
    private String channelOf(String workspaceSid, String channel) {
        return db.count("SELECT count(*) FROM task_channel WHERE workspace_sid = ? AND unique_name = ?",
                workspaceSid, channel) > 0 ? channel : WorkspaceService.DEFAULT_CHANNELS.get(0);
    }

    private String knownChannel(String workspaceSid, String taskChannel) {
        return db.one("SELECT unique_name FROM task_channel WHERE workspace_sid = ? AND (unique_name = ? OR sid = ?)",
                rs -> rs.getString(1), workspaceSid, taskChannel, taskChannel)
                .orElseThrow(() -> TwilioErrors.invalid("TaskChannel", "no task channel " + taskChannel));
    }
}
