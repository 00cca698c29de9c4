package org.opencc.compliance.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencc.support.security.Roles;

/**
 * {@code GET /v1/status}: the foundation endpoint. Admin-only, so the JWT and problem+json paths are exercised
 * before the audit trail exists.
 */
@Path("/v1/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StatusResource {
    static final String STAGE = "foundation";
    static final String NEXT = "audit every event on every topic into audit_entry, once per ce_id,"
            + " queryable through GET /v1/audit";

    private final String service;

    public StatusResource(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.service = service;
    }

    @GET
    public ServiceStatus status() {
        return new ServiceStatus(service, STAGE, NEXT);
    }
}
