package org.opencc.reporting.metric;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opencc.contracts.EventCodec;
import org.opencc.reporting.config.ReportingConfig;
import org.opencc.routing.expression.Expression;
import org.opencc.routing.expression.ExpressionException;

/**
 * The custom metrics of the configuration, checked at startup: a wrong kind, a missing or superfluous selector, an
 * unknown event type or a condition that does not parse stops the service with every problem named by property.
 */
@ApplicationScoped
@Startup
public class CustomMetrics {
    private static final String PREFIX = "cc.reporting.metrics.";
    private final Map<String, MetricDefinition> definitions;
    private final List<MetricDefinition> sorted;

    @Inject
    public CustomMetrics(ReportingConfig config) {
        this(config.metrics());
    }

    CustomMetrics(Map<String, ReportingConfig.CustomMetric> configured) {
        List<String> problems = new ArrayList<>();
        Map<String, MetricDefinition> parsed = new TreeMap<>();
        configured.forEach((name, metric) -> {
            MetricDefinition definition = parse(name, metric, problems);
            if (definition != null) {
                parsed.put(name, definition);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("custom metrics are misconfigured:\n  " + String.join("\n  ", problems));
        }
        this.definitions = Map.copyOf(parsed);
        this.sorted = List.copyOf(parsed.values()); // a TreeMap: by name
    }

    /** Every metric by name, sorted. */
    public List<MetricDefinition> all() {
        return sorted;
    }

    /** The metric named so, if configured. */
    public Optional<MetricDefinition> named(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    private static MetricDefinition parse(String name, ReportingConfig.CustomMetric metric, List<String> problems) {
        String at = PREFIX + name + ".";
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            problems.add(PREFIX + name + ": a metric name is 1-63 lower-case letters, digits and '-'");
            return null;
        }
        MetricDefinition.Kind kind;
        try {
            kind = MetricDefinition.Kind.valueOf(metric.kind().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(at + "kind: must be count, ratio or duration, not '" + metric.kind() + "'");
            return null;
        }
        Map<String, Optional<ReportingConfig.Selector>> selectors = Map.of("events", metric.events(),
                "numerator", metric.numerator(), "denominator", metric.denominator(), "start", metric.start(),
                "end", metric.end());
        List<String> wanted = switch (kind) {
            case COUNT -> List.of("events");
            case RATIO -> List.of("numerator", "denominator");
            case DURATION -> List.of("start", "end");
        };
        int before = problems.size();
        selectors.forEach((selector, value) -> {
            if (wanted.contains(selector) && value.isEmpty()) {
                problems.add(at + selector + ".event: a " + kind.value() + " metric needs it");
            } else if (!wanted.contains(selector) && value.isPresent()) {
                problems.add(at + selector + ": a " + kind.value() + " metric takes only " + wanted);
            }
        });
        if (problems.size() > before) {
            return null;
        }
        MetricDefinition.Condition first = condition(at + wanted.get(0), selectors.get(wanted.get(0)).get(),
                problems);
        MetricDefinition.Condition second = wanted.size() < 2 ? null
                : condition(at + wanted.get(1), selectors.get(wanted.get(1)).get(), problems);
        if (problems.size() > before) {
            return null;
        }
        return new MetricDefinition(name, kind, metric.description().orElse(null), first, second);
    }

    private static MetricDefinition.Condition condition(String at, ReportingConfig.Selector selector,
            List<String> problems) {
        Set<String> known = EventCodec.types();
        if (!known.contains(selector.event())) {
            problems.add(at + ".event: '" + selector.event() + "' is no event type; known: " + known);
        }
        Expression where = null;
        if (selector.where().isPresent() && !selector.where().get().isBlank()) {
            try {
                where = Expression.parse(selector.where().get());
            } catch (ExpressionException e) {
                problems.add(at + ".where: " + e.getMessage());
            }
        }
        return new MetricDefinition.Condition(selector.event(), where);
    }
}
