package org.opencc.reporting.journey;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Roles;

/** {@code GET /v1/journeys/{interactionId}}: one interaction's timeline and the stage behind what went wrong. */
@Path("/v1/journeys")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class JourneyResource {
    private final JourneyService journeys;

    public JourneyResource(JourneyService journeys) {
        this.journeys = journeys;
    }

    @GET
    @Path("/{interactionId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Journey journey(@PathParam("interactionId") String interactionId) {
        if (!Sids.isValid("IN", interactionId)) {
            throw ProblemException.invalid("interactionId", "must be IN followed by 32 lower-case hex digits");
        }
        return journeys.journey(interactionId);
    }
}
