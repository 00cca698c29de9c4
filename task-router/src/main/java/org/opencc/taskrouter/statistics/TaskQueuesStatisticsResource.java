package org.opencc.taskrouter.statistics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.api.Urls;

/** {@code /v1/Workspaces/{WS}/TaskQueues/Statistics}: every queue's statistics, paged ({@code FriendlyName}). */
@Path("/v1/Workspaces/{workspaceSid}/TaskQueues/Statistics")
@Produces(MediaType.APPLICATION_JSON)
public class TaskQueuesStatisticsResource {
    private static final String[] REPEATED = {"FriendlyName", "Minutes", "StartDate", "EndDate", "TaskChannel",
        "SplitByWaitTime"};
    private final StatisticsService service;
    private final Urls urls;

    public TaskQueuesStatisticsResource(StatisticsService service, Urls urls) {
        this.service = service;
        this.urls = urls;
    }

    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : REPEATED) {
            filters.put(name, query.optional(name).orElse(null));
        }
        return paging.envelope("task_queues_statistics", service.taskQueues(workspaceSid,
                filters.get("FriendlyName"), query, paging.offset(), paging.limit()), row -> row,
                urls.workspaces("/" + workspaceSid + "/TaskQueues/Statistics"), filters);
    }
}
