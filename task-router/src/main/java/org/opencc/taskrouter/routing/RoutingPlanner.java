package org.opencc.taskrouter.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencc.routing.expression.Expression;
import org.opencc.routing.selection.Candidate;
import org.opencc.routing.selection.Exclusion;
import org.opencc.routing.selection.Selection;
import org.opencc.routing.selection.WorkerSelector;
import org.opencc.routing.workflow.RoutingDecision;
import org.opencc.routing.workflow.Target;
import org.opencc.routing.workflow.WorkflowConfiguration;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.persistence.Db;
import org.opencc.taskrouter.queue.TaskQueue;
import org.opencc.taskrouter.queue.TaskQueueRepository;
import org.opencc.taskrouter.reservation.ReservationRepository;
import org.opencc.taskrouter.workflow.Workflow;

/**
 * Works out where a task would go and why, changing nothing: the workflow's filters, the target queue, and every
 * worker considered with the reason it is excluded. {@link Dispatcher} acts on the plan; the dry run and the
 * explanation show it.
 */
@ApplicationScoped
public class RoutingPlanner {
    private final Db db;
    private final TaskQueueRepository queues;
    private final ReservationRepository reservations;
    private final WorkerSelector selector = new WorkerSelector();

    public RoutingPlanner(Db db, TaskQueueRepository queues, ReservationRepository reservations) {
        this.db = db;
        this.queues = queues;
        this.reservations = reservations;
    }

    /**
     * A plan: the decision of the workflow, the target and its queue (null when nothing matched or the queue is
     * gone), the workers eligible in the order they would be offered the task, and the explanation.
     */
    public record Plan(RoutingDecision decision, Target target, TaskQueue queue, List<String> eligibleInOrder,
            Map<String, Object> detail) {
        public boolean routable() {
            return queue != null;
        }
    }

    /** A dry run: plans against every worker of the workspace, so each one's exclusion is explained. */
    public Plan plan(Workflow workflow, String taskChannel, Map<String, Object> attributes) {
        List<Candidate> all = allWorkers(workflow.workspaceSid(), taskChannel);
        return plan(WorkflowConfiguration.parse(workflow.configuration()), workflow, null, attributes,
                queueSid -> all);
    }

    /**
     * @param taskSid the task, whose earlier rejections exclude those workers; null for a dry run
     * @param candidates the workers to consider for the target queue, on the task's channel
     */
    public Plan plan(WorkflowConfiguration configuration, Workflow workflow, String taskSid,
            Map<String, Object> attributes, java.util.function.Function<String, List<Candidate>> candidates) {
        RoutingDecision decision = configuration.evaluate(attributes);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("filters_tried", decision.filtersTried().stream().map(f -> Map.of("filter", f.filterName(),
                "expression", f.expression(), "matched", f.matched())).toList());
        if (!decision.matched() || decision.targets().isEmpty()) {
            detail.put("failure", "no filter matched and there is no default_filter");
            return new Plan(decision, null, null, List.of(), detail);
        }
        Target target = decision.targets().get(0);
        detail.put("target", target.workerExpression() == null ? Map.of("queue", target.queueSid())
                : Map.of("queue", target.queueSid(), "expression", target.workerExpression().text()));
        Optional<TaskQueue> queue = queues.find(workflow.workspaceSid(), target.queueSid());
        if (queue.isEmpty()) {
            detail.put("failure", "target queue " + target.queueSid() + " does not exist");
            return new Plan(decision, target, null, List.of(), detail);
        }
        List<String> declined = taskSid == null ? List.of() : reservations.workersWhoDeclined(taskSid);
        List<Candidate> considered = new ArrayList<>();
        for (Candidate c : candidates.apply(queue.get().sid())) {
            if (!declined.contains(c.workerSid())) {
                considered.add(c);
            }
        }
        Selection selection = selector.select(Expression.parse(queue.get().targetWorkers()),
                target.workerExpression(), attributes, considered);
        List<Map<String, String>> workers = new ArrayList<>();
        for (Exclusion exclusion : selection.exclusions()) {
            workers.add(Map.of("worker_sid", exclusion.workerSid(), "excluded", exclusion.reason()));
        }
        for (String declinedSid : declined) {
            workers.add(Map.of("worker_sid", declinedSid, "excluded", "DECLINED_BEFORE"));
        }
        detail.put("workers", workers);
        return new Plan(decision, target, queue.get(), selection.eligibleInOrder(), detail);
    }

    private static final String CANDIDATES = "SELECT w.sid, w.attributes, (a.available AND wc.available) AS available,"
            + " wc.capacity, wc.assigned, w.last_assigned_at FROM worker w JOIN activity a ON a.sid = w.activity_sid"
            + " JOIN worker_channel wc ON wc.worker_sid = w.sid AND wc.task_channel = ? WHERE w.workspace_sid = ?";

    /** Every worker of the workspace on the channel: for explanations. */
    public List<Candidate> allWorkers(String workspaceSid, String taskChannel) {
        return db.list(CANDIDATES, RoutingPlanner::candidate, taskChannel, workspaceSid);
    }

    /**
     * The queue's members that could take a task on the channel now (available, with room), longest idle
     * first, at most {@code limit}: what routing considers, so routing a task does not read every worker.
     */
    public List<Candidate> freeMembers(String queueSid, String taskChannel, int limit) {
        return db.list("SELECT w.sid, w.attributes, TRUE, wc.capacity, wc.assigned, w.last_assigned_at"
                + " FROM worker_queue wq JOIN worker w ON w.sid = wq.worker_sid"
                + " JOIN activity a ON a.sid = w.activity_sid"
                + " JOIN worker_channel wc ON wc.worker_sid = w.sid AND wc.task_channel = ?"
                + " WHERE wq.task_queue_sid = ? AND a.available AND wc.available AND wc.assigned < wc.capacity"
                + " ORDER BY w.last_assigned_at NULLS FIRST, w.sid LIMIT ?", RoutingPlanner::candidate,
                taskChannel, queueSid, limit);
    }

    private static Candidate candidate(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Candidate(rs.getString(1), Json.attributes(rs.getString(2)), rs.getBoolean(3), rs.getInt(4),
                rs.getInt(5), Db.instant(rs, "last_assigned_at"));
    }
}
