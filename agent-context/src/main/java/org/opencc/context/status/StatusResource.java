package org.opencc.context.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencc.support.security.Roles;

/**
 * {@code GET /v1/status}: the foundation endpoint. Admin-only, so the JWT and problem+json paths are exercised
 * before the context API exists.
 */
@Path("/v1/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StatusResource {
    static final String STAGE = "foundation";
    static final String NEXT = "context API for agent desktops: CRM fan-out in parallel within a deadline,"
            + " authorized by task_assignment from cc.tasks.v1";

    private final String service;

    public StatusResource(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.service = service;
    }

    @GET
    public ServiceStatus status() {
        return new ServiceStatus(service, STAGE, NEXT);
    }
}
