package org.opencc.taskrouter.statistics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.opencc.taskrouter.api.Form;

/** {@code /v1/Workspaces/{WS}/Statistics}, {@code /RealTimeStatistics} and {@code /CumulativeStatistics}. */
@Path("/v1/Workspaces/{workspaceSid}/{kind: " + StatisticsKind.PATH + "}")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceStatisticsResource {
    private final StatisticsService service;

    public WorkspaceStatisticsResource(StatisticsService service) {
        this.service = service;
    }

    @GET
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid, @PathParam("kind") String kind,
            @Context UriInfo uri) {
        return service.workspace(workspaceSid, StatisticsKind.of(kind), new Form(uri.getQueryParameters()));
    }
}
