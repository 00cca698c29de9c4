package org.opencc.compliance.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.opencc.contracts.EventCodec;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;
import org.opencc.support.security.Caller;
import org.opencc.support.security.Roles;

/**
 * Consent records (README "Consent records"): agents capture consent in interactions assigned to them, compliance
 * and admins anywhere; compliance and admins read and verify them; the key they verify with is public.
 */
@Path("/v1/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {
    private final ConsentService consents;
    private final ConsentSigner signer;
    private final Caller caller;

    public ConsentResource(ConsentService consents, ConsentSigner signer, Caller caller) {
        this.consents = consents;
        this.signer = signer;
        this.caller = caller;
    }

    /** {@code POST /v1/consents}: captures a consent; 201 with the signed record. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.COMPLIANCE, Roles.ADMIN})
    public Response capture(@RequestBody(content = @Content(schema = @Schema(implementation = CaptureBody.class)))
            String body) {
        ConsentResponse record = consents.capture(ConsentRequest.parse(json(body)), Actor.of(caller));
        return Response.created(URI.create("/v1/consents/" + record.consentId())).entity(record).build();
    }

    /**
     * {@code GET /v1/consents/keys}: the public keys signatures verify with. Open to anyone: a public key is not a
     * secret, and a third party verifying a record offline may hold no token of this deployment.
     */
    @GET
    @Path("keys")
    @PermitAll
    public PublishedKeys keys() {
        return new PublishedKeys(signer.keys());
    }

    /** {@code GET /v1/consents/{id}}: the record as stored, with its revocation. */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMPLIANCE, Roles.ADMIN})
    public ConsentResponse find(@PathParam("id") String id) {
        return consents.find(id);
    }

    /** {@code GET /v1/consents/{id}/verification}: whether the stored record still carries a valid signature. */
    @GET
    @Path("{id}/verification")
    @RolesAllowed({Roles.COMPLIANCE, Roles.ADMIN})
    public ConsentVerification verify(@PathParam("id") String id) {
        return consents.verify(id);
    }

    /**
     * {@code POST /v1/consents/{id}/revocation}, with no body or {@code {"method": …}}: revokes the consent; 201
     * with the record and its signed revocation. Compliance, admins, or the agent who captured it. Any content type:
     * a revocation without a body has none.
     */
    @POST
    @Path("{id}/revocation")
    @RolesAllowed({Roles.AGENT, Roles.COMPLIANCE, Roles.ADMIN})
    public Response revoke(@PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = RevocationBody.class)))
            String body) {
        ConsentResponse record = consents.revoke(id, ConsentRequest.parseRevocationMethod(json(body)),
                Actor.of(caller));
        return Response.created(URI.create("/v1/consents/" + id)).entity(record).build();
    }

    // read here rather than bound by Jackson, so a broken body is a malformed-body problem like everywhere else and
    // every member problem can be named (ConsentRequest); no body at all reads as null
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

    /** The body of {@code GET /v1/consents/keys}, the current key first. */
    public record PublishedKeys(List<PublishedKey> keys) {}

    /** The shape of a capture's body, for the OpenAPI document ({@link ConsentRequest} reads it). */
    @Schema(name = "ConsentCapture")
    record CaptureBody(@Schema(required = true, pattern = "IN[0-9a-f]{32}") String interaction_id,
            @Schema(required = true, pattern = "ck_[A-Za-z0-9_-]{1,64}") String customer_key,
            @Schema(required = true, enumeration = {"recording", "transcription"}) String scope,
            @Schema(required = true, enumeration = {"keypress", "verbal", "web-form"}) String method,
            @Schema(required = true, enumeration = "true") boolean granted) {}

    /** The shape of a revocation's optional body, for the OpenAPI document. */
    @Schema(name = "ConsentRevocation")
    record RevocationBody(@Schema(enumeration = {"keypress", "verbal", "web-form"}) String method) {}
}
