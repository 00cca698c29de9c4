package org.opencc.context.read;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.opencc.support.security.Roles;

/** The context API agent desktops call when a task is offered to or accepted by their worker. */
@Path("/v1/tasks/{taskSid}/context")
@Produces(MediaType.APPLICATION_JSON)
public class ContextResource {
    private final ContextService contexts;

    public ContextResource(ContextService contexts) {
        this.contexts = contexts;
    }

    /** The customer's profile from every CRM source, within the deadline; see the README for who may read it. */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public ContextResponse get(@PathParam("taskSid") String taskSid) {
        return contexts.read(taskSid);
    }
}
