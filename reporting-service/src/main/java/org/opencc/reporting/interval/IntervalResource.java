package org.opencc.reporting.interval;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.opencc.reporting.QueryInstants;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Roles;

/**
 * Interval metrics ({@code GET /v1/intervals}): per interval and queue, channel, worker or workflow, the tasks
 * offered, accepted and abandoned, speed of answer, handle time, service level and (per worker) occupancy.
 */
@Path("/v1/intervals")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class IntervalResource {
    private final IntervalService intervals;

    public IntervalResource(IntervalService intervals) {
        this.intervals = intervals;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public IntervalReport intervals(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("group_by") String groupBy, @QueryParam("task_queue_sid") String taskQueueSid) {
        return intervals.report(QueryInstants.parse("from", from), QueryInstants.parse("to", to), groupBy(groupBy),
                queue(taskQueueSid));
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
