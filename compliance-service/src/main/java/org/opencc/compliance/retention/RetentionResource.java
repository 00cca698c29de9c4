package org.opencc.compliance.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Roles;

/**
 * {@code /v1/retention/purges} (roles {@code compliance}, {@code admin}; README "Retention and legal hold"): the
 * purge report, what was purged, when, by which policy.
 */
@Path("/v1/retention/purges")
@RolesAllowed({Roles.COMPLIANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {
    /** The longest range one report covers. */
    static final Duration MAX_RANGE = Duration.ofDays(31);

    private final RetentionPurges purges;
    private final Clock clock;

    public RetentionResource(RetentionPurges purges, Clock clock) {
        this.purges = purges;
        this.clock = clock;
    }

    /**
     * Purges requested in {@code [from, to)} (ISO-8601 instants; {@code to} defaults to now, {@code from} to
     * {@code to} minus 31 days), at most 31 days apart, oldest first.
     */
    @GET
    public Report report(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant until = to == null ? clock.instant() : instant("to", to);
        Instant since = from == null ? until.minus(MAX_RANGE) : instant("from", from);
        if (!since.isBefore(until)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(since, until).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("to", "at most 31 days after from: ask for a longer period in parts");
        }
        return new Report(since, until, purges.requestedBetween(since, until));
    }

    @GET
    @Path("{id}")
    public PurgeStatus find(@PathParam("id") String id) {
        return purges.find(id);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant, e.g. 2026-01-02T00:00:00Z");
        }
    }

    /** The body of {@code GET /v1/retention/purges}. */
    public record Report(Instant from, Instant to, List<PurgeStatus> purges) {}
}
