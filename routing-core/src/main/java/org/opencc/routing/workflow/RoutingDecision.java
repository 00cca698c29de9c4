package org.opencc.routing.workflow;

import java.util.List;
import java.util.Objects;

/**
 * Result of evaluating a workflow against a task.
 *
 * @param matchedFilter name of the first matching filter, {@value WorkflowConfiguration#DEFAULT_FILTER}
 *                      when only the default filter applied, or null when nothing matched
 * @param targets       targets to try in order; empty when nothing matched
 * @param filtersTried  every filter evaluated, in order, up to and including the matching one
 */
public record RoutingDecision(String matchedFilter, List<Target> targets, List<FilterOutcome> filtersTried) {

    /** Copies the lists so a decision cannot change after it is made. */
    public RoutingDecision {
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        filtersTried = List.copyOf(Objects.requireNonNull(filtersTried, "filtersTried"));
        if (matchedFilter == null && !targets.isEmpty()) {
            throw new IllegalArgumentException("targets without a matched filter");
        }
    }

    /** True when a filter or the default filter supplied targets. */
    public boolean matched() {
        return matchedFilter != null;
    }
}
