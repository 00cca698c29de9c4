package org.opencc.compliance.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.opencc.support.security.Roles;

/**
 * {@code GET /v1/audit?interaction_id=…}, {@code ?task_sid=…} or {@code ?actor=…} (roles {@code admin},
 * {@code compliance}; {@code actor} may also narrow an id): what was recorded about one interaction or task, or
 * what one actor did, e.g. whose context a reader read. An id or actor nothing was recorded for answers an empty
 * list, not 404: the audit's answer is "nothing recorded", whether or not the id exists elsewhere.
 */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE})
public class AuditResource {
    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    public AuditEntries list(@QueryParam(AuditQuery.INTERACTION_ID) String interactionId,
            @QueryParam(AuditQuery.TASK_SID) String taskSid, @QueryParam(AuditQuery.ACTOR) String actor,
            @QueryParam(AuditQuery.LIMIT) String limit) {
        return new AuditEntries(audit.find(AuditQuery.parse(interactionId, taskSid, actor, limit)));
    }

    /**
     * {@code GET /v1/audit/verify}: walks the hash chain over every entry and names the first one that does not
     * check out.
     */
    @GET
    @Path("verify")
    public ChainVerification verify() {
        return audit.verify();
    }

    /** The body of {@code GET /v1/audit}. */
    public record AuditEntries(List<AuditEntry> entries) {}
}
