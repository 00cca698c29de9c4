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

/** A task queue's {@code Statistics}, {@code RealTimeStatistics} and {@code CumulativeStatistics}. */
@Path("/v1/Workspaces/{workspaceSid}/TaskQueues/{taskQueueSid}/{kind: " + StatisticsKind.PATH + "}")
@Produces(MediaType.APPLICATION_JSON)
public class TaskQueueStatisticsResource {
    private final StatisticsService service;

    public TaskQueueStatisticsResource(StatisticsService service) {
        this.service = service;
    }

    @GET
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("taskQueueSid") String taskQueueSid, @PathParam("kind") String kind, @Context UriInfo uri) {
        return service.taskQueue(workspaceSid, taskQueueSid, StatisticsKind.of(kind),
                new Form(uri.getQueryParameters()));
    }
}
