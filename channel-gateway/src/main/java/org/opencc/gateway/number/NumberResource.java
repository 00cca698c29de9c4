package org.opencc.gateway.number;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.opencc.support.security.Roles;

/**
 * {@code /v1/numbers}: which TaskRouter workspace and workflow each of our numbers routes to. Admins only. The
 * number in the path may be sent as {@code +15550100} or {@code %2B15550100}.
 */
@Path("/v1/numbers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class NumberResource {
    private final NumberService numbers;

    public NumberResource(NumberService numbers) {
        this.numbers = numbers;
    }

    /** 201 with the new mapping, or 200 with the replaced one. */
    @PUT
    @Path("/{e164}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("e164") String e164, NumberRequest request) {
        NumberRepository.Saved saved = numbers.put(e164, request);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(NumberResponse.of(saved.mapping())).build();
    }

    @GET
    @Path("/{e164}")
    public NumberResponse get(@PathParam("e164") String e164) {
        return NumberResponse.of(numbers.get(e164));
    }

    @GET
    public NumberResponse.Page list() {
        return new NumberResponse.Page(numbers.list().stream().map(NumberResponse::of).toList());
    }

    @DELETE
    @Path("/{e164}")
    public Response delete(@PathParam("e164") String e164) {
        numbers.delete(e164);
        return Response.noContent().build();
    }
}
