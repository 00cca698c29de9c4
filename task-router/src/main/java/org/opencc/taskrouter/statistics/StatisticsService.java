package org.opencc.taskrouter.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;
import org.opencc.taskrouter.channel.TaskChannel;
import org.opencc.taskrouter.channel.TaskChannelRepository;
import org.opencc.taskrouter.config.RouterConfig;
import org.opencc.taskrouter.queue.TaskQueue;
import org.opencc.taskrouter.queue.TaskQueueRepository;
import org.opencc.taskrouter.statistics.StatisticsScope.Subject;
import org.opencc.taskrouter.worker.WorkerRepository;
import org.opencc.taskrouter.workflow.WorkflowRepository;

/**
 * TaskRouter's statistics resources, computed from the rows as they are (no counters of their own): one read-only
 * transaction per request, so the members of one answer agree with each other.
 */
@ApplicationScoped
public class StatisticsService {
    private final RealTimeStatistics realTime;
    private final CumulativeStatistics cumulative;
    private final WorkspaceScope workspaces;
    private final TaskQueueRepository queues;
    private final WorkflowRepository workflows;
    private final WorkerRepository workers;
    private final TaskChannelRepository channels;
    private final Urls urls;
    private final String accountSid;
    private final Clock clock;

    public StatisticsService(RealTimeStatistics realTime, CumulativeStatistics cumulative, WorkspaceScope workspaces,
            TaskQueueRepository queues, WorkflowRepository workflows, WorkerRepository workers,
            TaskChannelRepository channels, Urls urls, RouterConfig config, Clock clock) {
        this.realTime = realTime;
        this.cumulative = cumulative;
        this.workspaces = workspaces;
        this.queues = queues;
        this.workflows = workflows;
        this.workers = workers;
        this.channels = channels;
        this.urls = urls;
        this.accountSid = config.accountSid();
        this.clock = clock;
    }

    @Transactional
    public Map<String, Object> workspace(String ws, StatisticsKind kind, Form query) {
        workspaces.require(ws);
        StatisticsScope scope = StatisticsScope.workspace(ws, channel(ws, query));
        Map<String, Object> m = envelope(ws, "/" + ws + "/" + kind.segment);
        return combine(m, kind, () -> cumulative.tasks(scope, window(query)), () -> {
            Map<String, Object> r = realTime.tasks(scope);
            r.putAll(realTime.workers(ws, null));
            return r;
        });
    }

    @Transactional
    public Map<String, Object> taskQueue(String ws, String queueSid, StatisticsKind kind, Form query) {
        workspaces.require(ws);
        queue(ws, queueSid);
        Map<String, Object> m = envelope(ws, "/" + ws + "/TaskQueues/" + queueSid + "/" + kind.segment);
        m.put("task_queue_sid", queueSid);
        return combine(m, kind, queueStatistics(ws, queueSid, kind, query));
    }

    /** {@code /TaskQueues/Statistics}: each queue's {@code cumulative} and {@code realtime} ({@code FriendlyName}). */
    @Transactional
    public List<Map<String, Object>> taskQueues(String ws, String friendlyName, Form query, int offset, int limit) {
        workspaces.require(ws);
        String channel = channel(ws, query);
        StatisticsWindow window = window(query);
        return queues.list(ws, friendlyName, offset, limit).stream()
                .map(q -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("account_sid", accountSid);
                    m.put("workspace_sid", ws);
                    m.put("task_queue_sid", q.sid());
                    StatisticsScope scope = new StatisticsScope(ws, Subject.TASK_QUEUE, q.sid(), channel);
                    m.put("cumulative", cumulative.tasks(scope, window));
                    Map<String, Object> r = realTime.queueTasks(scope);
                    r.putAll(realTime.queueWorkers(ws, q.sid(), channel));
                    m.put("realtime", r);
                    return m;
                }).toList();
    }

    @Transactional
    public Map<String, Object> workflow(String ws, String workflowSid, StatisticsKind kind, Form query) {
        workspaces.require(ws);
        workflows.find(ws, workflowSid).orElseThrow(() ->
                TwilioErrors.notFound("/Workspaces/" + ws + "/Workflows/" + workflowSid));
        StatisticsScope scope = new StatisticsScope(ws, Subject.WORKFLOW, workflowSid, channel(ws, query));
        Map<String, Object> m = envelope(ws, "/" + ws + "/Workflows/" + workflowSid + "/" + kind.segment);
        m.put("workflow_sid", workflowSid);
        return combine(m, kind, () -> cumulative.tasks(scope, window(query)), () -> realTime.tasks(scope));
    }

    /** {@code /Workers/...Statistics}; {@code TaskQueueSid} narrows them to the queue's members and reservations. */
    @Transactional
    public Map<String, Object> workers(String ws, StatisticsKind kind, Form query) {
        workspaces.require(ws);
        String channel = channel(ws, query);
        String queueSid = query.sid("TaskQueueSid", "WQ").orElse(null);
        if (queueSid != null && queues.find(ws, queueSid).isEmpty()) {
            throw TwilioErrors.invalid("TaskQueueSid", "task queue " + queueSid + " does not exist in this workspace");
        }
        StatisticsScope scope = queueSid == null ? StatisticsScope.workspace(ws, channel)
                : new StatisticsScope(ws, Subject.TASK_QUEUE, queueSid, channel);
        Map<String, Object> m = envelope(ws, "/" + ws + "/Workers/" + kind.segment);
        return combine(m, kind, () -> cumulative.workers(scope, window(query)),
                () -> realTime.workers(ws, queueSid));
    }

    /** {@code /Workers/{WK}/Statistics}: the worker's cumulative statistics. */
    @Transactional
    public Map<String, Object> worker(String ws, String workerSid, Form query) {
        workspaces.require(ws);
        workers.find(ws, workerSid).orElseThrow(() ->
                TwilioErrors.notFound("/Workspaces/" + ws + "/Workers/" + workerSid));
        StatisticsScope scope = new StatisticsScope(ws, Subject.WORKER, workerSid, channel(ws, query));
        Map<String, Object> m = envelope(ws, "/" + ws + "/Workers/" + workerSid + "/Statistics");
        m.put("worker_sid", workerSid);
        m.put("cumulative", cumulative.workers(scope, window(query)));
        return m;
    }

    private Section[] queueStatistics(String ws, String queueSid, StatisticsKind kind, Form query) {
        StatisticsScope scope = new StatisticsScope(ws, Subject.TASK_QUEUE, queueSid, channel(ws, query));
        return new Section[] {() -> cumulative.tasks(scope, window(query)), () -> {
            Map<String, Object> r = realTime.queueTasks(scope);
            r.putAll(realTime.queueWorkers(ws, queueSid, scope.taskChannel()));
            return r;
        }};
    }

    /** One half of an answer, computed only when the resource shows it. */
    @FunctionalInterface
    private interface Section {
        Map<String, Object> compute();
    }

    private Map<String, Object> combine(Map<String, Object> m, StatisticsKind kind, Section... sections) {
        Section cumulativeSection = sections[0];
        Section realTimeSection = sections[1];
        switch (kind) {
            case COMBINED -> {
                m.put("cumulative", cumulativeSection.compute());
                m.put("realtime", realTimeSection.compute());
            }
            case CUMULATIVE -> m.putAll(cumulativeSection.compute());
            default -> m.putAll(realTimeSection.compute());
        }
        return m;
    }

    private StatisticsWindow window(Form query) {
        return StatisticsWindow.from(query, clock.instant());
    }

    private TaskQueue queue(String ws, String queueSid) {
        return queues.find(ws, queueSid).orElseThrow(() ->
                TwilioErrors.notFound("/Workspaces/" + ws + "/TaskQueues/" + queueSid));
    }

    /** {@code TaskChannel}: a TC SID or unique name of the workspace, as its unique name. */
    private String channel(String ws, Form query) {
        return query.optional("TaskChannel").filter(value -> !value.isBlank())
                .map(value -> channels.find(ws, value.trim()).map(TaskChannel::uniqueName).orElseThrow(() ->
                        TwilioErrors.invalid("TaskChannel", "no task channel " + value + " in this workspace")))
                .orElse(null);
    }

    private Map<String, Object> envelope(String ws, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_sid", accountSid);
        m.put("workspace_sid", ws);
        m.put("url", urls.workspaces(path));
        return m;
    }
}
