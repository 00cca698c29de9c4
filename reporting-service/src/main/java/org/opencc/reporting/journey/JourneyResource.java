package org.opencc.reporting.journey;

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
import org.opencc.reporting.QueryInstants;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Roles;

/**
 * {@code GET /v1/journeys/{interactionId}}: one interaction's timeline and the stage behind what went wrong;
 * {@code GET /v1/journeys?anomaly=&from=&to=}: the interactions of a range whose journeys show an anomaly.
 */
@Path("/v1/journeys")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class JourneyResource {
    /** The longest range one anomaly listing may span. */
    static final Duration MAX_RANGE = Duration.ofDays(7);
    private final JourneyService journeys;
    private final Clock clock;

    public JourneyResource(JourneyService journeys, Clock clock) {
        this.journeys = journeys;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JourneyList withAnomaly(@QueryParam("anomaly") String anomaly, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        if (anomaly == null || !Attribution.ruleIds().contains(anomaly)) {
            throw ProblemException.invalid("anomaly", "must be one of " + Attribution.ruleIds());
        }
        Instant start = QueryInstants.parse("from", from);
        Instant end = to == null || to.isBlank() ? clock.instant() : QueryInstants.parse("to", to);
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("to", "the range may span at most " + MAX_RANGE.toDays() + " days");
        }
        return journeys.withAnomaly(anomaly, start, end);
    }

    @GET
    @Path("/{interactionId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Journey journey(@PathParam("interactionId") String interactionId) {
        if (!Sids.isValid("IN", interactionId) && !Sids.isValid("SM", interactionId)
                && !Sids.isValid("MM", interactionId)) {
            throw ProblemException.invalid("interactionId", "must be IN (an interaction), or SM or MM (a message"
                    + " the gateway refused), followed by 32 lower-case hex digits");
        }
        return journeys.journey(interactionId);
    }
}
