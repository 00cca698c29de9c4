package org.opencc.reporting.interval;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.opencc.reporting.QueryInstants;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;
import org.opencc.support.security.Caller;
import org.opencc.support.security.Roles;

/**
 * Interval metrics ({@code GET /v1/intervals}): per interval and queue, channel, worker or workflow, the tasks
 * offered, accepted and abandoned, speed of answer, handle time, service level and (per worker) occupancy.
 * Supervisors and admins see every group; an agent sees only their own worker rows (the token's
 * {@code worker_sid}), so an agent's request is grouped by worker whatever it asks, and any other grouping is 403.
 */
@Path("/v1/intervals")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AGENT})
public class IntervalResource {
    private final IntervalService intervals;
    private final Caller caller;

    public IntervalResource(IntervalService intervals, Caller caller) {
        this.intervals = intervals;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public IntervalReport intervals(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("group_by") String groupBy, @QueryParam("task_queue_sid") String taskQueueSid) {
        Instant start = QueryInstants.parse("from", from);
        Instant end = QueryInstants.parse("to", to);
        GroupBy grouping = groupBy(groupBy);
        if (caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN)) {
            return intervals.report(start, end, grouping, queue(taskQueueSid));
        }
        String worker = caller.workerSid().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "an agent's token must name its worker (claim worker_sid) to read its own statistics"));
        if (groupBy != null && !groupBy.isEmpty() && grouping != GroupBy.WORKER) {
            throw new ProblemException(ProblemType.FORBIDDEN, "agents see their own statistics only:"
                    + " group_by=worker (or none), not " + groupBy);
        }
        return intervals.ofWorker(start, end, worker, queue(taskQueueSid));
    }

    private static GroupBy groupBy(String value) {
        if (value == null || value.isEmpty()) {
            return GroupBy.QUEUE;
        }
        return GroupBy.fromValue(value).orElseThrow(
                () -> ProblemException.invalid("group_by", "must be one of " + GroupBy.accepted()));
    }

    private static String queue(String taskQueueSid) {
        if (taskQueueSid == null || taskQueueSid.isEmpty()) {
            return null;
        }
        if (!Sids.isValid("WQ", taskQueueSid)) {
            throw ProblemException.invalid("task_queue_sid", "must be WQ followed by 32 lower-case hex digits");
        }
        return taskQueueSid;
    }
}
