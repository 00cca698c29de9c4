package org.opencc.reporting.metric;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.opencc.reporting.QueryInstants;
import org.opencc.support.security.Roles;

/** {@code GET /v1/metrics/custom}: the configured business metrics per interval. */
@Path("/v1/metrics/custom")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class CustomMetricResource {
    private final CustomMetricService metrics;

    public CustomMetricResource(CustomMetricService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CustomMetricReport report(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("name") String name) {
        return metrics.report(QueryInstants.parse("from", from), QueryInstants.parse("to", to), name);
    }
}
