package org.opencc.reporting.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.opencc.reporting.QueryInstants;
import org.opencc.reporting.interval.GroupBy;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Roles;

/**
 * Exports for warehouses, streamed as they are read: interval rows ({@code GET /v1/exports/intervals}) and the raw
 * events of the journey log ({@code GET /v1/exports/events}), as CSV or JSON Lines. Every parameter is checked
 * before the first byte goes out, so bad input gets a problem+json answer, never half a file.
 */
@Path("/v1/exports")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class ExportResource {
    /** The longest range one export may span. */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final IntervalExport intervals;
    private final EventExport events;

    public ExportResource(IntervalExport intervals, EventExport events) {
        this.intervals = intervals;
        this.events = events;
    }

    @GET
    @Path("/intervals")
    public Response intervals(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("group_by") String groupBy, @QueryParam("task_queue_sid") String taskQueueSid,
            @QueryParam("format") String format) {
        Instant start = QueryInstants.parse("from", from);
        Instant end = QueryInstants.parse("to", to);
        checkRange(start, end);
        GroupBy grouping = groupBy == null || groupBy.isEmpty() ? GroupBy.QUEUE : GroupBy.fromValue(groupBy)
                .orElseThrow(() -> ProblemException.invalid("group_by", "must be one of " + GroupBy.accepted()));
        if (taskQueueSid != null && !taskQueueSid.isEmpty() && !Sids.isValid("WQ", taskQueueSid)) {
            throw ProblemException.invalid("task_queue_sid", "must be WQ followed by 32 lower-case hex digits");
        }
        String queue = taskQueueSid == null || taskQueueSid.isEmpty() ? null : taskQueueSid;
        ExportFormat fileFormat = ExportFormat.parse(format);
        return stream("intervals", fileFormat,
                out -> intervals.write(start, end, grouping, queue, fileFormat, out));
    }

    @GET
    @Path("/events")
    public Response events(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format) {
        Instant start = QueryInstants.parse("from", from);
        Instant end = QueryInstants.parse("to", to);
        checkRange(start, end);
        ExportFormat fileFormat = ExportFormat.parse(format);
        return stream("events", fileFormat, out -> events.write(start, end, fileFormat, out));
    }

    private static void checkRange(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("to", "an export may span at most " + MAX_RANGE.toDays() + " days");
        }
    }

    private static Response stream(String name, ExportFormat format, Function<Writer, Long> body) {
        StreamingOutput output = stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            body.apply(out);
            out.flush();
        };
        return Response.ok(output, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension + "\"")
                .build();
    }
}
