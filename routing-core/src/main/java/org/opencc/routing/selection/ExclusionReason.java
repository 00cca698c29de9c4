package org.opencc.routing.selection;

/**
 * Why a worker was not eligible for a task. Constants are checked in declaration order and a worker is
 * reported with the first reason that applies.
 */
public enum ExclusionReason {
    /** The queue's {@code target_workers} expression does not match the worker. */
    NOT_IN_QUEUE,
    /** The workflow target's worker expression does not match the worker and task. */
    TARGET_EXPRESSION_FALSE,
    /** The worker's activity is not available. */
    UNAVAILABLE,
    /** The worker has no free capacity on the task's channel. */
    NO_CAPACITY
}
