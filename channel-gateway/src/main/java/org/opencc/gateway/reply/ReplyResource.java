package org.opencc.gateway.reply;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.opencc.support.security.Roles;

/**
 * {@code /v1/interactions/{id}/messages}: an agent's reply to the customer of an SMS/WhatsApp interaction. Agents
 * reply to the interactions assigned to them; supervisors and admins to any assigned interaction.
 */
@Path("/v1/interactions/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class ReplyResource {
    private final ReplyService replies;

    public ReplyResource(ReplyService replies) {
        this.replies = replies;
    }

    /** 201 with the message; repeating the request with the same {@code Idempotency-Key} answers the same. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("id") String interactionId,
            @HeaderParam("Idempotency-Key") String idempotencyKey, ReplyRequest request) {
        var message = replies.send(interactionId, request == null ? null : request.body(), idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(MessageResponse.of(message)).build();
    }
}
