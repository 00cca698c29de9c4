package org.opencc.routing.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.opencc.routing.expression.EvaluationContext;
import org.opencc.routing.expression.Expression;

/**
 * One routing target (routing step) of a workflow filter: the queue the task goes to, optionally narrowed
 * by a worker-side expression, with an optional priority override and a timeout before the next target.
 *
 * @param queueSid                TaskQueue sid, {@code WQ} followed by 32 lowercase hex characters
 * @param workerExpression        worker-side expression (may reference {@code task.} attributes), or null
 * @param priority                task priority while in this target, or null to keep the task's own
 * @param timeoutSeconds          seconds before moving to the next target (positive), or null for no timeout
 * @param skipIf                  {@code skip_if}: when no reservation is created immediately and this is true
 *                                (typically {@code workers.available == 0}), the step is skipped; or null
 * @param orderBy                 {@code order_by} text as configured (e.g. {@code worker.level DESC}), or null
 * @param knownWorkerSid          {@code known_worker_sid} as configured (e.g. {@code task.last_agent_sid}), or null
 * @param knownWorkerFriendlyName {@code known_worker_friendly_name} as configured, or null
 */
public record Target(String queueSid, Expression workerExpression, Integer priority, Integer timeoutSeconds,
                     Expression skipIf, String orderBy, String knownWorkerSid, String knownWorkerFriendlyName) {

    /** Shape of a TaskQueue sid. */
    public static final Pattern QUEUE_SID = Pattern.compile("WQ[0-9a-f]{32}");

    /** Validates the sid and timeout; the parser checks the same first so it can report JSON paths. */
    public Target {
        Objects.requireNonNull(queueSid, "queueSid");
        if (!QUEUE_SID.matcher(queueSid).matches()) {
            throw new IllegalArgumentException("not a queue sid: " + queueSid);
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeout must be positive: " + timeoutSeconds);
        }
    }

    /** A target without skip_if, order_by or known worker (the original four fields). */
    public Target(String queueSid, Expression workerExpression, Integer priority, Integer timeoutSeconds) {
        this(queueSid, workerExpression, priority, timeoutSeconds, null, null, null, null);
    }

    /** A target that only names a queue, as {@code default_filter} does. */
    public static Target queue(String queueSid) {
        return new Target(queueSid, null, null, null);
    }

    /**
     * Whether {@code skip_if} says to skip this step now. The caller decides when to ask (Twilio only skips
     * when no reservation was created immediately) and supplies the step's worker counts in the context,
     * e.g. {@code context.withWorkerCounts(available, unavailable)}. Task attributes are visible at top
     * level and under {@code task.}. False when there is no skip_if.
     */
    public boolean skips(Map<String, Object> taskAttributes, EvaluationContext context) {
        if (skipIf == null) {
            return false;
        }
        Map<String, Object> task = taskAttributes == null ? Map.of() : taskAttributes;
        Map<String, Object> scope = new HashMap<>(task);
        scope.put("task", task);
        return skipIf.matches(scope, context);
    }
}
