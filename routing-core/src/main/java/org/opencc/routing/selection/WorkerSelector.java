package org.opencc.routing.selection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencc.routing.expression.EvaluationContext;
import org.opencc.routing.expression.Expression;

/**
 * Chooses which worker to reserve for a task among the candidates of one queue and channel. Pure: no
 * I/O and no state, so the task-router can call it inside its own transaction and explain the result.
 *
 * <p>Eligible workers are ordered longest idle first (never assigned, then oldest
 * {@code lastAssignedAt}), ties broken by worker sid so that the choice is deterministic.
 */
public final class WorkerSelector {

    private static final Comparator<Candidate> LONGEST_IDLE = Comparator
            .comparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Candidate::workerSid);

    /**
     * @param queueTargetWorkers the queue's {@code target_workers} expression, evaluated against worker
     *                           attributes (also reachable under {@code worker.})
     * @param targetExpression   the workflow target's worker expression or null; evaluated with worker
     *                           attributes at top level and under {@code worker.}, task attributes under
     *                           {@code task.}
     * @param taskAttributes     the task's attributes; null is treated as empty
     * @param candidates         workers to consider, each with its state on the task's channel
     */
    public Selection select(Expression queueTargetWorkers, Expression targetExpression,
                            Map<String, Object> taskAttributes, List<Candidate> candidates) {
        return select(queueTargetWorkers, targetExpression, taskAttributes, candidates, EvaluationContext.empty());
    }

    /**
     * As {@link #select(Expression, Expression, Map, List)}, with both expressions seeing the context's
     * variables, e.g. {@code taskrouter.currentTime} in a target worker expression.
     */
    public Selection select(Expression queueTargetWorkers, Expression targetExpression,
                            Map<String, Object> taskAttributes, List<Candidate> candidates,
                            EvaluationContext context) {
        Objects.requireNonNull(queueTargetWorkers, "queueTargetWorkers");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(context, "context");
        Map<String, Object> task = taskAttributes == null ? Map.of() : taskAttributes;

        List<Exclusion> exclusions = new ArrayList<>();
        List<Candidate> eligible = new ArrayList<>();
        for (Candidate candidate : candidates) {
            ExclusionReason reason = exclusionReason(queueTargetWorkers, targetExpression, task, candidate, context);
            if (reason == null) {
                eligible.add(candidate);
            } else {
                exclusions.add(new Exclusion(candidate.workerSid(), reason));
            }
        }
        eligible.sort(LONGEST_IDLE);
        List<String> order = eligible.stream().map(Candidate::workerSid).toList();
        Optional<String> chosen = order.isEmpty() ? Optional.empty() : Optional.of(order.get(0));
        return new Selection(chosen, exclusions, order);
    }

    /** The first reason that applies, or null when the candidate is eligible. */
    private static ExclusionReason exclusionReason(Expression queueTargetWorkers, Expression targetExpression,
                                                   Map<String, Object> task, Candidate candidate,
                                                   EvaluationContext evaluation) {
        if (!queueTargetWorkers.matches(context(candidate, null), evaluation)) {
            return ExclusionReason.NOT_IN_QUEUE;
        }
        if (targetExpression != null && !targetExpression.matches(context(candidate, task), evaluation)) {
            return ExclusionReason.TARGET_EXPRESSION_FALSE;
        }
        if (!candidate.available()) {
            return ExclusionReason.UNAVAILABLE;
        }
        if (!candidate.channelCapacity().hasRoom()) {
            return ExclusionReason.NO_CAPACITY;
        }
        return null;
    }

    /**
     * Worker attributes at top level and under {@code worker}, task attributes under {@code task}.
     * The {@code worker}/{@code task} keys shadow worker attributes of the same name, as in TaskRouter.
     * Under {@code worker.} the built-in field {@code sid} is the worker's sid, as Twilio documents for
     * target expressions (it wins over a {@code sid} attribute).
     */
    private static Map<String, Object> context(Candidate candidate, Map<String, Object> task) {
        Map<String, Object> worker = new HashMap<>(candidate.attributes());
        worker.put("sid", candidate.workerSid());
        Map<String, Object> context = new HashMap<>(candidate.attributes());
        context.put("worker", worker);
        if (task != null) {
            context.put("task", task);
        }
        return context;
    }
}
