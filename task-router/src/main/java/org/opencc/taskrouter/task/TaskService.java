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

    private final TaskRepository tasks;
    private final WorkflowRepository workflows;
    private final Dispatcher dispatcher;
    private final OutboxWriter outbox;
    private final ProcessedEvents processed;
    private final Db db;
    private final Clock clock;

    public TaskService(TaskRepository tasks, WorkflowRepository workflows, Dispatcher dispatcher, OutboxWriter outbox,
            ProcessedEvents processed, Db db, Clock clock) {
        this.tasks = tasks;
        this.workflows = workflows;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.processed = processed;
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
        Task task = tasks.find(workspaceSid, taskSid)
                .orElseThrow(() -> TwilioErrors.notFound("/Workspaces/" + workspaceSid + "/Tasks/" + taskSid));
        List<String> allowedFrom = status.equals("completed") ? List.of("assigned", "wrapping")
                : List.of("pending", "reserved", "assigned", "wrapping");
        if (!allowedFrom.contains(task.assignmentStatus())) {
            throw new ProblemException(TwilioErrors.IN_USE, "Task " + taskSid + " is " + task.assignmentStatus()
                    + " and cannot be " + status);
        }
        Instant now = clock.instant();
        db.list("SELECT sid, worker_sid, task_channel, reservation_status FROM reservation WHERE task_sid = ?"
                + " AND reservation_status IN ('pending', 'accepted') FOR UPDATE", rs -> new String[] {
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, taskSid)
                .forEach(live -> {
                    db.update("UPDATE reservation SET reservation_status = ?, date_updated = ? WHERE sid = ?",
                            live[3].equals("pending") ? "canceled" : "completed", now, live[0]);
                    dispatcher.releaseCapacity(live[1], live[2]);
                });
        if (!tasks.transition(taskSid, task.assignmentStatus(), status, null, now)) {
            throw new ProblemException(TwilioErrors.IN_USE, "Task " + taskSid + " changed concurrently; retry");
        }
        db.update("UPDATE task SET reason = ? WHERE sid = ?", reason, taskSid);
        outbox.append(status.equals("completed")
                ? new TaskCompleted(taskSid, workspaceSid, task.taskQueueSid(), task.interactionId(), reason, now)
                : new TaskCanceled(taskSid, workspaceSid, task.taskQueueSid(), task.interactionId(), reason, now));
        dispatcher.dispatch(workspaceSid);
        return tasks.find(workspaceSid, taskSid).orElseThrow();
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
