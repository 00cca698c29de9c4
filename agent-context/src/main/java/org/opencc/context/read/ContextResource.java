package org.opencc.context.read;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.opencc.support.security.Roles;

/** The context API agent desktops and supervisors call; see the README for the document and who may read it. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ContextResource {
    private final ContextService contexts;

    public ContextResource(ContextService contexts) {
        this.contexts = contexts;
    }

    /** The context of a task: agents only for a task a live reservation of their worker holds. */
    @GET
    @Path("/tasks/{taskSid}/context")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public ContextResponse task(@PathParam("taskSid") String taskSid, @QueryParam("budget_ms") String budgetMs) {
        return contexts.readTask(taskSid, budgetMs);
    }

    /** The context of a customer by pseudonymous key, without a task: supervisors and admins only. */
    @GET
    @Path("/customers/{customerKey}/context")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public ContextResponse customer(@PathParam("customerKey") String customerKey,
            @QueryParam("budget_ms") String budgetMs) {
        return contexts.readCustomer(customerKey, budgetMs);
    }
}
