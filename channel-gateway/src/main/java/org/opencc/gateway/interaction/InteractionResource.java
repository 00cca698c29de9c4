package org.opencc.gateway.interaction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.opencc.support.security.Roles;

/** {@code /v1/interactions}: the state of an interaction, without personal data. */
@Path("/v1/interactions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class InteractionResource {
    private final InteractionService interactions;

    public InteractionResource(InteractionService interactions) {
        this.interactions = interactions;
    }

    @GET
    @Path("/{id}")
    public InteractionResponse get(@PathParam("id") String id) {
        return InteractionResponse.of(interactions.get(id));
    }
}
