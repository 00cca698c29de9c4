package org.opencc.taskrouter.callback;

/**
 * What one callback POST came to.
 *
 * @param status the HTTP status, or 0 when no response arrived
 * @param body the response body ("" when none)
 * @param failure null on a 2xx; else {@code callback-timeout}, {@code callback-refused}, {@code callback-http-<status>}
 *     or {@code callback-error} (the connection failed after the request may have been sent)
 * @param attempts how many times the request was tried (more than one only after refused connections)
 */
public record CallbackOutcome(int status, String body, String failure, int attempts) {
    public boolean succeeded() {
        return failure == null;
    }
}
