package org.opencc.reporting.interval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What interval rows are grouped by ({@code group_by}); each names the {@code task_fact} column it groups on. */
public enum GroupBy {
    QUEUE("task_queue_sid"),
    CHANNEL("channel"),
    WORKER("worker_sid"),
    WORKFLOW("workflow_sid");

    private final String column;

    GroupBy(String column) {
        this.column = column;
    }

    /** The {@code task_fact} column, also the member name in each row's {@code group}. */
    public String column() {
        return column;
    }

    /** The query parameter value, e.g. {@code queue}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The grouping a query parameter value names; empty for an unknown one. */
    public static Optional<GroupBy> fromValue(String value) {
        return Arrays.stream(values()).filter(groupBy -> groupBy.value().equals(value)).findFirst();
    }

    /** The accepted values, for messages: {@code queue, channel, worker, workflow}. */
    public static String accepted() {
        return Arrays.stream(values()).map(GroupBy::value).collect(Collectors.joining(", "));
    }
}
