package org.opencc.reporting.interval;

import java.time.Instant;

/**
 * What SQL sums up for one group and interval; {@link IntervalService} turns it into an {@link IntervalRow}.
 *
 * @param group the grouping column's value, null when unknown
 * @param waitSeconds the mean wait (queue entry → acceptance) of the tasks accepted in the interval
 * @param handleSeconds the mean handle time (acceptance → completion) of the tasks completed in the interval
 * @param withinThreshold accepted tasks that waited at most their queue's service-level threshold
 * @param acceptedWithWait accepted tasks whose queue entry is known (the service level's denominator)
 * @param thresholdSeconds the threshold shared by every task in the row, null when they differ
 * @param busySeconds worker grouping: seconds of the interval with at least one accepted task, else null
 */
record IntervalTotals(Instant intervalStart, String group, long offered, long accepted, long abandoned,
        long shortAbandoned, Double waitSeconds, Double handleSeconds, long withinThreshold, long acceptedWithWait,
        Double thresholdSeconds, Double busySeconds) {}
