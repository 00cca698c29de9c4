package org.opencc.routing.workflow;

import java.util.Objects;
import java.util.regex.Pattern;
import org.opencc.routing.expression.Expression;

/**
 * One routing target of a workflow filter: the queue the task goes to, optionally narrowed by a
 * worker-side expression, with an optional priority override and a timeout before the next target.
 *
 * @param queueSid         TaskQueue sid, {@code WQ} followed by 32 lowercase hex characters
 * @param workerExpression worker-side expression (may reference {@code task.} attributes), or null
 * @param priority         task priority while in this target, or null to keep the task's own
 * @param timeoutSeconds   seconds before moving to the next target (positive), or null for no timeout
 */
public record Target(String queueSid, Expression workerExpression, Integer priority, Integer timeoutSeconds) {

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

    /** A target that only names a queue, as {@code default_filter} does. */
    public static Target queue(String queueSid) {
        return new Target(queueSid, null, null, null);
    }
}
