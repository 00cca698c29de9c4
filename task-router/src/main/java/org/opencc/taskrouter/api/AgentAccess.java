package org.opencc.taskrouter.api;

import java.util.Optional;
import java.util.Set;

/**
 * What an agent's token may do on TaskRouter paths, as a desktop needs it and no more: read its own worker and set
 * that worker's activity, list, fetch and answer its own reservations, and open its own event stream.
 */
public final class AgentAccess {
    /** Worker update parameters an agent may send: the activity, and Twilio's qualifier of an activity change. */
    public static final Set<String> WORKER_UPDATE_PARAMETERS = Set.of("ActivitySid", "RejectPendingReservations");

    private AgentAccess() {}

    /**
     * Why the agent acting for {@code workerSid} may not call {@code method} on {@code path} (a raw path below
     * {@code /v1/Workspaces}); empty when it may.
     */
    public static Optional<String> denial(String method, String path, String workerSid) {
        String[] segments = segments(path);
        for (String segment : segments) {
            // what routing would normalize or decode could reach a path these rules did not check
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("%")
                    || segment.contains(";")) {
                return Optional.of("an agent token may not use the path " + path);
            }
        }
        // /v1/Workspaces/{WS}/Workers/{WK}[/...]
        if (segments.length < 5 || !segments[3].equals("Workers")) {
            return Optional.of("an agent token may only access its own worker (" + workerSid + ")");
        }
        if (!segments[4].equals(workerSid)) {
            return Optional.of("an agent token may only access its own worker (" + workerSid + "), not "
                    + segments[4]);
        }
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (segments.length == 5 && (get || post)) {
            return Optional.empty();
        }
        if (segments.length >= 6 && segments.length <= 7 && segments[5].equals("Reservations")
                && (get || (post && segments.length == 7))) {
            return Optional.empty();
        }
        if (segments.length == 7 && segments[5].equals("Events") && segments[6].equals("Stream") && get) {
            return Optional.empty();
        }
        return Optional.of("an agent token may not " + method + " " + path);
    }

    /** True for the worker update whose parameters {@link #WORKER_UPDATE_PARAMETERS} restricts. */
    public static boolean isWorkerUpdate(String method, String path) {
        String[] segments = segments(path);
        return method.equals("POST") && segments.length == 5 && segments[3].equals("Workers");
    }

    /** {@code /v1/Workspaces/WS1/Workers/WK1/} → [v1, Workspaces, WS1, Workers, WK1]. */
    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}
