package org.opencc.routing.workflow;

import java.util.Objects;

/**
 * Whether one workflow filter matched a task; kept so routing decisions can be explained.
 *
 * @param filterName friendly name of the filter
 * @param expression the filter's expression text
 * @param matched    whether the task attributes matched it
 */
public record FilterOutcome(String filterName, String expression, boolean matched) {

    /** Rejects null name or expression. */
    public FilterOutcome {
        Objects.requireNonNull(filterName, "filterName");
        Objects.requireNonNull(expression, "expression");
    }
}
