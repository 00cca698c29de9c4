package org.opencc.compliance.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.opencc.compliance.consent.Actor;
import org.opencc.contracts.EventCodec;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;
import org.opencc.support.security.Caller;
import org.opencc.support.security.Roles;

/**
 * {@code /v1/legal-holds} (roles {@code compliance}, {@code admin}; README "Retention and legal hold"): place a hold
 * on a customer or an interaction, list and read holds, release one.
 */
@Path("/v1/legal-holds")
@RolesAllowed({Roles.COMPLIANCE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class LegalHoldResource {
    private final LegalHolds holds;
    private final Caller caller;

    public LegalHoldResource(LegalHolds holds, Caller caller) {
        this.holds = holds;
        this.caller = caller;
    }

    /** 201 with the hold. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@RequestBody(content = @Content(schema = @Schema(implementation = PlaceBody.class)))
            String body) {
        LegalHold hold = holds.place(LegalHoldRequest.parse(json(body)), Actor.of(caller));
        return Response.created(URI.create("/v1/legal-holds/" + hold.holdId())).entity(hold).build();
    }

    /** Every hold in creation order; {@code active=true} only those in force, {@code active=false} released ones. */
    @GET
    public Holds list(@QueryParam("active") String active) {
        Boolean only = null;
        if (active != null) {
            if (!active.equals("true") && !active.equals("false")) {
                throw ProblemException.invalid("active", "must be true or false");
            }
            only = Boolean.valueOf(active);
        }
        return new Holds(holds.list(only));
    }

    @GET
    @Path("{id}")
    public LegalHold find(@PathParam("id") String id) {
        return holds.find(id);
    }

    /** 200 with the released hold; 409 when it was released already. Any body is ignored. */
    @POST
    @Path("{id}/release")
    public LegalHold release(@PathParam("id") String id) {
        return holds.release(id, Actor.of(caller));
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return EventCodec.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "the body is not valid JSON");
        }
    }

    /** The body of {@code GET /v1/legal-holds}. */
    public record Holds(List<LegalHold> holds) {}

    /** The shape of a hold's body, for the OpenAPI document ({@link LegalHoldRequest} reads it). */
    @Schema(name = "LegalHoldPlacement", description = "exactly one of customer_key and interaction_id")
    record PlaceBody(@Schema(pattern = "ck_[A-Za-z0-9_-]{1,64}") String customer_key,
            @Schema(pattern = "IN[0-9a-f]{32}") String interaction_id,
            @Schema(required = true, maxLength = 500) String reason) {}
}
