package org.opencc.routing.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The definitions live statistics share: task-router's TaskRouter Statistics endpoints ({@code tasks_by_status},
 * {@code longest_task_waiting_age}, {@code longest_relative_task_age_in_queue}) and reporting-service's live views
 * ({@code pending} / {@code reserved} / {@code assigned}, {@code longest_waiting_seconds}) compute from these, so a
 * wallboard and a Twilio SDK script see the same numbers for the same tasks.
 */
public final class LiveDefinitions {
    /** TaskRouter assignment statuses of a task that no worker has accepted yet: the tasks "waiting". */
    public static final List<String> WAITING = List.of("pending", "reserved");
    /** Reservation statuses a reservation reaches only once it was accepted. */
    public static final List<String> ACCEPTED_RESERVATIONS = List.of("accepted", "wrapping", "completed");

    private LiveDefinitions() {}

    /**
     * How long something waiting since {@code since} has waited at {@code now}, in whole seconds: rounded down, and
     * never negative (clocks of different hosts may disagree by a little).
     */
    public static long ageSeconds(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toSeconds());
    }

    /** The statuses as an SQL list of literals, e.g. {@code ('pending', 'reserved')}: constants only. */
    public static String sqlList(List<String> statuses) {
        return statuses.stream().map(status -> {
            if (!status.matches("[a-z-]+")) {
                throw new IllegalArgumentException("not a status: " + status);
            }
            return "'" + status + "'";
        }).collect(Collectors.joining(", ", "(", ")"));
    }
}
