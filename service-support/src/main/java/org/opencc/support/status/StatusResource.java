package org.opencc.support.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencc.support.security.Roles;

/**
 * {@code GET /v1/status} (admin): which service this is, its stage, and what comes next — the same in every
 * service, so an operator can ask any of them with one token.
 */
@Path("/v1/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StatusResource {
    private final ServiceStatus status;

    public StatusResource(@ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "cc.status.stage", defaultValue = "foundation") String stage,
            @ConfigProperty(name = "cc.status.next") java.util.Optional<String> next) {
        this.status = new ServiceStatus(service, stage, next.orElse(null));
    }

    @GET
    public ServiceStatus status() {
        return status;
    }

    /** The body of {@code GET /v1/status}. */
    public record ServiceStatus(String service, String stage, String next) {}
}
