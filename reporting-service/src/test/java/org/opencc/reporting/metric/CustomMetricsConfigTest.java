package org.opencc.reporting.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencc.reporting.config.ReportingConfig;

/** What a misconfigured custom metric gets at startup: every problem, named by property. */
class CustomMetricsConfigTest {
    record Sel(String event, Optional<String> where) implements ReportingConfig.Selector {
        static Optional<ReportingConfig.Selector> of(String event, String where) {
            return Optional.of(new Sel(event, Optional.ofNullable(where)));
        }
    }

    record Metric(String kind, Optional<String> description, Optional<ReportingConfig.Selector> events,
            Optional<ReportingConfig.Selector> numerator, Optional<ReportingConfig.Selector> denominator,
            Optional<ReportingConfig.Selector> start, Optional<ReportingConfig.Selector> end)
            implements ReportingConfig.CustomMetric {
        static Metric count(String event, String where) {
            return new Metric("count", Optional.empty(), Sel.of(event, where), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
    }

    @Test
    void aValidCountParsesWithItsCondition() {
        CustomMetrics metrics = new CustomMetrics(Map.of("refunds", Metric.count("task.created", "task.intent == 'r'")));
        MetricDefinition refunds = metrics.named("refunds").orElseThrow();
        assertEquals(MetricDefinition.Kind.COUNT, refunds.kind());
        assertEquals("task.intent == 'r'", refunds.first().whereText());
    }

    @Test
    void everyProblemIsNamedByItsProperty() {
        Map<String, ReportingConfig.CustomMetric> bad = Map.of(
                "a", new Metric("average", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()),
                "b", Metric.count("task.teleported", null),
                "c", Metric.count("task.created", "intent == "),
                "d", new Metric("ratio", Optional.empty(), Optional.empty(), Sel.of("task.completed", null),
                        Optional.empty(), Optional.empty(), Optional.empty()),
                "e", new Metric("duration", Optional.empty(), Sel.of("task.created", null), Optional.empty(),
                        Optional.empty(), Sel.of("task.created", null), Sel.of("task.completed", null)),
                "Bad_Name", Metric.count("task.created", null));
        String message = assertThrows(IllegalStateException.class, () -> new CustomMetrics(bad)).getMessage();
        assertTrue(message.contains("cc.reporting.metrics.a.kind: must be count, ratio or duration"), message);
        assertTrue(message.contains("cc.reporting.metrics.b.events.event: 'task.teleported' is no event type"),
                message);
        assertTrue(message.contains("cc.reporting.metrics.c.events.where:"), message);
        assertTrue(message.contains("cc.reporting.metrics.d.denominator.event: a ratio metric needs it"), message);
        assertTrue(message.contains("cc.reporting.metrics.e.events: a duration metric takes only [start, end]"),
                message);
        assertTrue(message.contains("cc.reporting.metrics.Bad_Name: a metric name is"), message);
    }
}
