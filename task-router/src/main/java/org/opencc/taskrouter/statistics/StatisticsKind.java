package org.opencc.taskrouter.statistics;

/** The three statistics resources TaskRouter has for a workspace, queue, workflow or the workers. */
public enum StatisticsKind {
    /** {@code .../Statistics}: {@code cumulative} and {@code realtime} together. */
    COMBINED("Statistics"),
    REAL_TIME("RealTimeStatistics"),
    CUMULATIVE("CumulativeStatistics");

    /** The path segment, as a JAX-RS template regex alternative list. */
    public static final String PATH = "Statistics|RealTimeStatistics|CumulativeStatistics";
    final String segment;

    StatisticsKind(String segment) {
        this.segment = segment;
    }

    public static StatisticsKind of(String segment) {
        for (StatisticsKind kind : values()) {
            if (kind.segment.equals(segment)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(segment);
    }
}
