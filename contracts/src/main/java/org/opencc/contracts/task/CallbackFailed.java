package org.opencc.contracts.task;

import java.time.Instant;

/**
 * A callback task-router owed a customer's system did not succeed: an assignment callback (the workflow's
 * {@code AssignmentCallbackUrl}, which decides a reservation) or an event callback (the workspace's
 * {@code EventCallbackUrl}). Journeys name the {@code webhook} stage from it. Key: taskSid. Producer: task-router.
 * Consumers: reporting-service (journeys), compliance-service (audit).
 *
 * @param reservationSid the reservation an assignment callback was for; null for event callbacks without one
 * @param kind {@code assignment} or {@code event}
 * @param host the callback URL's host (and port): never its path or query, which may carry credentials
 * @param status the HTTP status answered, 0 when no response arrived
 * @param failure {@code callback-timeout}, {@code callback-refused}, {@code callback-http-<status>} or
 *     {@code callback-error}
 * @param attempts how many times the request was tried
 * @param callbackEventType for event callbacks, the TaskRouter event type being delivered (e.g.
 *     {@code reservation.created}); null for assignment callbacks
 */
public record CallbackFailed(
        String taskSid,
        String workspaceSid,
        String interactionId,
        String reservationSid,
        String kind,
        String host,
        int status,
        String failure,
        int attempts,
        String callbackEventType,
        Instant occurredAt)
        implements TaskEvent {
    public static final String TYPE = "callback.failed";
    /** {@link #kind()} of a workflow's assignment callback. */
    public static final String ASSIGNMENT = "assignment";
    /** {@link #kind()} of a workspace's event callback. */
    public static final String EVENT = "event";

    @Override
    public String type() {
        return TYPE;
    }
}
