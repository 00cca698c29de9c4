package org.opencc.taskrouter.callback;

import java.util.Map;

/**
 * A callback about to be made: recorded as a {@code callback_intent} row before the POST.
 *
 * @param kind {@code assignment} or {@code event}
 * @param interactionId the interaction of the task the callback is about (null for API tasks and worker events):
 *     carried by {@code callback.failed}, not stored in the row
 * @param params the form parameters (also what is signed)
 */
public record CallbackIntent(String eventId, String kind, String eventType, String workspaceSid, String taskSid,
        String interactionId, String workerSid, String reservationSid, String url, String fallbackUrl,
        Map<String, String> params) {
    public static final String ASSIGNMENT = "assignment";
    public static final String EVENT = "event";

    /** The {@code I-Twilio-Idempotency-Token} the receiver sees: the same for the primary and fallback POST. */
    public String idempotencyToken() {
        return kind + "-" + eventId;
    }
}
