package org.opencc.taskrouter.task;

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
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;

/** {@code /v1/Workspaces/{WorkspaceSid}/Tasks}. */
@Path("/v1/Workspaces/{workspaceSid}/Tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    private static final Set<String> STATUSES = Set.of("pending", "reserved", "assigned", "wrapping", "completed",
            "canceled");
    private final TaskService service;
    private final TaskRepository tasks;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;
    private final org.opencc.taskrouter.routing.RoutingDecisions decisions;

    public TaskResource(TaskService service, TaskRepository tasks, WorkspaceScope scope, Representations json,
            Urls urls, org.opencc.taskrouter.routing.RoutingDecisions decisions) {
        this.decisions = decisions;
        this.service = service;
        this.tasks = tasks;
        this.scope = scope;
        this.json = json;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("workspaceSid") String workspaceSid, MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        Task created = service.create(workspaceSid, form.sid("WorkflowSid", "WW").orElse(null),
                form.jsonObject("Attributes").orElse("{}"), form.integer("Priority", 0, Integer.MAX_VALUE).orElse(0),
                form.integer("Timeout", 1, 31_536_000).orElse(TaskService.DEFAULT_TIMEOUT),
                form.optional("TaskChannel").orElse(null));
        return Response.status(201).entity(json.task(created)).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        TaskRepository.TaskFilter filter = new TaskRepository.TaskFilter(
                query.oneOf("AssignmentStatus", STATUSES).orElse(null), query.optional("WorkflowSid").orElse(null),
                query.optional("TaskQueueSid").orElse(null));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("AssignmentStatus", filter.assignmentStatus());
        filters.put("WorkflowSid", filter.workflowSid());
        filters.put("TaskQueueSid", filter.taskQueueSid());
        return paging.envelope("tasks", tasks.list(workspaceSid, filter, paging.offset(), paging.limit()),
                json::task, urls.workspaces("/" + workspaceSid + "/Tasks"), filters);
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        return json.task(tasks.find(workspaceSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Tasks/" + sid)));
    }

    /**
     * Why the task went where it went: one decision per routing attempt (workflow version, filters tried, target
     * queue, each worker considered and why it was excluded). Not in Twilio's API; ours.
     */
    @GET
    @Path("/{sid}/Decisions")
    public Map<String, Object> decisions(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("sid") String sid) {
        fetch(workspaceSid, sid);
        return Map.of("decisions", decisions.forTask(sid));
    }

    /** Ends a task: {@code AssignmentStatus=completed} or {@code canceled}, with an optional {@code Reason}. */
    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        String status = form.oneOf("AssignmentStatus", Set.of("completed", "canceled")).orElse(null);
        if (status == null) {
            return fetch(workspaceSid, sid);
        }
        return json.task(service.end(workspaceSid, sid, status, form.optional("Reason").orElse(null)));
    }
}
