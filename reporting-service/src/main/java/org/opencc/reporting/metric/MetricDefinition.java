package org.opencc.reporting.metric;

import java.util.List;
import org.opencc.routing.expression.Expression;

/**
 * A custom metric, checked and parsed from {@code cc.reporting.metrics.<name>.*}.
 *
 * @param first count: the events; ratio: the numerator; duration: the start
 * @param second ratio: the denominator; duration: the end; count: null
 */
public record MetricDefinition(String name, Kind kind, String description, Condition first, Condition second) {
    /** The three kinds of the grammar. */
    public enum Kind {
        COUNT, RATIO, DURATION;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One event type and its parsed condition (null: every event of the type). */
    public record Condition(String event, Expression where) {
        public String whereText() {
            return where == null ? null : where.text();
        }
    }

    /** The event types the metric reads. */
    public List<String> eventTypes() {
        return second == null ? List.of(first.event()) : List.of(first.event(), second.event());
    }
}
