package org.opencc.compliance.erasure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Caller;
import org.opencc.support.security.Roles;

/**
 * {@code /v1/erasure-requests} (roles {@code compliance}, {@code admin}): ask every service to forget a customer,
 * and follow the request until each has answered.
 */
@Path("/v1/erasure-requests")
@RolesAllowed({Roles.COMPLIANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ErasureRequestResource {
    private final ErasureRequests erasures;
    private final Caller caller;

    public ErasureRequestResource(ErasureRequests erasures, Caller caller) {
        this.erasures = erasures;
        this.caller = caller;
    }

    /** 201 with the new request, or 200 with the existing one when the same customers were asked for before. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(ErasureRequestBody body) {
        ErasureRequests.Outcome outcome = erasures.request(body, caller.subject());
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/v1/erasure-requests/" + outcome.status().requestId()))
                .entity(outcome.status()).build();
    }

    @GET
    @Path("/{id}")
    public ErasureStatus get(@PathParam("id") String id) {
        return erasures.find(id).orElseThrow(() -> ProblemException.notFound("erasure request " + id));
    }
}
