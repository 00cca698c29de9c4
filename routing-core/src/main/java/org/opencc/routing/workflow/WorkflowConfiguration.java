package org.opencc.routing.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencc.routing.expression.EvaluationContext;

/**
 * A parsed, validated Twilio TaskRouter workflow configuration ({@code task_routing} with ordered
 * {@code filters} and an optional {@code default_filter}). Immutable and thread-safe.
 */
public final class WorkflowConfiguration {

    /** {@link RoutingDecision#matchedFilter()} when no filter matched but the default filter applied. */
    public static final String DEFAULT_FILTER = "default_filter";

    private final List<Filter> filters;
    private final Target defaultTarget;

    /**
     * @param filters       filters in evaluation order
     * @param defaultTarget target of {@code default_filter}, or null when there is none
     */
    public WorkflowConfiguration(List<Filter> filters, Target defaultTarget) {
        this.filters = List.copyOf(Objects.requireNonNull(filters, "filters"));
        this.defaultTarget = defaultTarget;
    }

    /**
     * Parses workflow configuration JSON.
     *
     * @throws WorkflowConfigurationException naming the offending JSON path when anything is invalid,
     *                                        including filter and target expressions
     */
    public static WorkflowConfiguration parse(String json) {
        return new WorkflowConfigurationReader().read(json);
    }

    /** Filters in evaluation order. */
    public List<Filter> filters() {
        return filters;
    }

    /** The {@code default_filter} target, if configured. */
    public Optional<Target> defaultTarget() {
        return Optional.ofNullable(defaultTarget);
    }

    /** Every queue sid named by any target or by the default filter, in order of appearance. */
    public Set<String> queueSids() {
        Set<String> sids = new LinkedHashSet<>();
        for (Filter filter : filters) {
            for (Target target : filter.targets()) {
                sids.add(target.queueSid());
            }
        }
        if (defaultTarget != null) {
            sids.add(defaultTarget.queueSid());
        }
        return Collections.unmodifiableSet(sids);
    }

    /**
     * Routes a task: the first filter whose expression matches wins (later filters are not evaluated);
     * if none matches, the default filter applies when configured.
     */
    public RoutingDecision evaluate(Map<String, Object> taskAttributes) {
        return evaluate(taskAttributes, EvaluationContext.empty());
    }

    /**
     * Routes a task as {@link #evaluate(Map)} does, with filter expressions seeing the context's variables:
     * pass {@code EvaluationContext.at(clock.instant(), workflowZone)} so that {@code taskrouter.currentTime}
     * and {@code taskrouter.dayOfWeek} express business hours in the workflow's time zone (Twilio's
     * configuration has no time zone; it evaluates them in UTC).
     */
    public RoutingDecision evaluate(Map<String, Object> taskAttributes, EvaluationContext context) {
        Objects.requireNonNull(context, "context");
        List<FilterOutcome> tried = new ArrayList<>();
        for (Filter filter : filters) {
            boolean matched = filter.expression().matches(taskAttributes, context);
            tried.add(new FilterOutcome(filter.name(), filter.expression().text(), matched));
            if (matched) {
                return new RoutingDecision(filter.name(), filter.targets(), tried);
            }
        }
        if (defaultTarget != null) {
            return new RoutingDecision(DEFAULT_FILTER, List.of(defaultTarget), tried);
        }
        return new RoutingDecision(null, List.of(), tried);
    }

    @Override
    public String toString() {
        return "WorkflowConfiguration[filters=" + filters + ", defaultTarget=" + defaultTarget + "]";
    }
}
