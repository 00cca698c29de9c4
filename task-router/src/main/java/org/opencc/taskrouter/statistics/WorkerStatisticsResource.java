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

/** {@code /v1/Workspaces/{WS}/Workers/{WK}/Statistics}: one worker's cumulative statistics. */
@Path("/v1/Workspaces/{workspaceSid}/Workers/{workerSid}/Statistics")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerStatisticsResource {
    private final StatisticsService service;

    public WorkerStatisticsResource(StatisticsService service) {
        this.service = service;
    }

    @GET
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("workerSid") String workerSid, @Context UriInfo uri) {
        return service.worker(workspaceSid, workerSid, new Form(uri.getQueryParameters()));
    }
}
