package org.opencc.routing.workflow;

import java.util.List;
import java.util.Objects;
import org.opencc.routing.expression.Expression;

/**
 * One entry of {@code task_routing.filters}.
 *
 * @param name       {@code filter_friendly_name}, or {@code filter N} (N zero-based) when absent
 * @param expression task-side expression deciding whether the filter applies
 * @param targets    at least one target, tried in order
 */
public record Filter(String name, Expression expression, List<Target> targets) {

    /** Requires a name, an expression and at least one target. */
    public Filter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("filter " + name + " has no targets");
        }
    }
}
