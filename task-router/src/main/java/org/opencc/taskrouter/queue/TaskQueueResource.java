package org.opencc.taskrouter.queue;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.api.Representations;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;

/** {@code /v1/Workspaces/{WorkspaceSid}/TaskQueues}. */
@Path("/v1/Workspaces/{workspaceSid}/TaskQueues")
@Produces(MediaType.APPLICATION_JSON)
public class TaskQueueResource {
    private final TaskQueueService service;
    private final TaskQueueRepository queues;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;

    public TaskQueueResource(TaskQueueService service, TaskQueueRepository queues, WorkspaceScope scope,
            Representations json, Urls urls) {
        this.service = service;
        this.queues = queues;
        this.scope = scope;
        this.json = json;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("workspaceSid") String workspaceSid, MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        TaskQueue created = service.create(workspaceSid, form.required("FriendlyName"),
                form.optional("TargetWorkers").orElse("1==1"), form.integer("MaxReservedWorkers", 1, 50).orElse(1),
                form.oneOf("TaskOrder", Set.of("FIFO", "LIFO")).orElse("FIFO"),
                form.sid("ReservationActivitySid", "WA").orElse(null),
                form.sid("AssignmentActivitySid", "WA").orElse(null));
        return Response.status(201).entity(json.taskQueue(created)).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("FriendlyName", query.optional("FriendlyName").orElse(null));
        return paging.envelope("task_queues", queues.list(workspaceSid, filters.get("FriendlyName"),
                paging.offset(), paging.limit()), json::taskQueue, urls.workspaces("/" + workspaceSid + "/TaskQueues"),
                filters);
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        return json.taskQueue(service.get(workspaceSid, sid));
    }
}
