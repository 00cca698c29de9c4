package org.opencc.compliance.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.opencc.support.security.Caller;
import org.opencc.support.security.Roles;

/**
 * {@code POST /v1/recording-decisions} (role {@code admin}; the gateway will call it with a service token):
 * whether a conversation between two numbers may be recorded, and what to announce.
 */
@Path("/v1/recording-decisions")
@RolesAllowed(Roles.ADMIN)
public class RecordingDecisionResource {
    private final RecordingDecisionService decisions;
    private final Caller caller;

    public RecordingDecisionResource(RecordingDecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response decide(RecordingDecisionRequest request) {
        return Response.status(Response.Status.CREATED).entity(decisions.decide(request, caller.subject())).build();
    }
}
