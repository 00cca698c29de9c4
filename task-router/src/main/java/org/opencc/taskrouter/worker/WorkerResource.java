package org.opencc.taskrouter.worker;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.opencc.routing.expression.Expression;
import org.opencc.routing.expression.ExpressionException;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Ordering;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.api.Representations;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;
import org.opencc.taskrouter.queue.TaskQueue;
import org.opencc.taskrouter.queue.TaskQueueRepository;
import org.opencc.taskrouter.workspace.Workspace;

/** {@code /v1/Workspaces/{WorkspaceSid}/Workers}. */
@Path("/v1/Workspaces/{workspaceSid}/Workers")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerResource {
    private static final Map<String, String> ORDERING = Map.of("DateCreated", "w.date_created",
            "DateUpdated", "w.date_updated", "DateStatusChanged", "w.date_status_changed",
            "FriendlyName", "w.friendly_name");
    private final WorkerService service;
    private final WorkerRepository workers;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;
    private final TaskQueueRepository queues;

    public WorkerResource(WorkerService service, WorkerRepository workers, WorkspaceScope scope,
            Representations json, Urls urls, TaskQueueRepository queues) {
        this.queues = queues;
        this.service = service;
        this.workers = workers;
        this.scope = scope;
        this.json = json;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("workspaceSid") String workspaceSid, MultivaluedMap<String, String> params) {
        Workspace workspace = scope.require(workspaceSid);
        Form form = new Form(params);
        Worker created = service.create(workspace, form.requiredFriendlyName("FriendlyName"),
                form.attributes("Attributes").orElse(null), form.sid("ActivitySid", "WA").orElse(null));
        return Response.status(201).entity(json.worker(created)).build();
    }

    /**
     * Filters: {@code FriendlyName}, {@code ActivitySid}, {@code ActivityName}, {@code Available},
     * {@code TargetWorkersExpression}, {@code TaskQueueSid}, {@code TaskQueueName}, {@code Ordering}.
     */
    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        Boolean available = query.bool("Available").orElse(null);
        WorkerRepository.WorkerFilter filter = new WorkerRepository.WorkerFilter(
                query.optional("FriendlyName").orElse(null), query.sid("ActivitySid", "WA").orElse(null),
                query.optional("ActivityName").orElse(null), available);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("FriendlyName", filter.friendlyName());
        filters.put("ActivitySid", filter.activitySid());
        filters.put("ActivityName", filter.activityName());
        filters.put("Available", available == null ? null : available.toString());
        filters.put("TargetWorkersExpression", query.optional("TargetWorkersExpression").orElse(null));
        filters.put("TaskQueueSid", query.sid("TaskQueueSid", "WQ").orElse(null));
        filters.put("TaskQueueName", query.optional("TaskQueueName").orElse(null));
        filters.put("Ordering", query.optional("Ordering").orElse(null));
        String orderBy = Ordering.orderBy(query, "Ordering", ORDERING, "w.date_created", "w.sid");
        Expression expression = null;
        if (filters.get("TargetWorkersExpression") != null) {
            expression = expression("TargetWorkersExpression", filters.get("TargetWorkersExpression"));
        } else if (filters.get("TaskQueueSid") != null || filters.get("TaskQueueName") != null) {
            expression = Expression.parse(queue(workspaceSid, filters.get("TaskQueueSid"),
                    filters.get("TaskQueueName")).targetWorkers());
        }
        return paging.envelope("workers", service.list(workspaceSid, filter, orderBy, expression, paging),
                json::worker, urls.workspaces("/" + workspaceSid + "/Workers"), filters);
    }

    /** Refused (400) while the worker has pending or accepted reservations. */
    @DELETE
    @Path("/{sid}")
    public Response delete(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        scope.require(workspaceSid);
        service.delete(workspaceSid, sid);
        return Response.noContent().build();
    }

    private static Expression expression(String parameter, String text) {
        try {
            return Expression.parse(text);
        } catch (ExpressionException e) {
            throw TwilioErrors.invalid(parameter, e.getMessage());
        }
    }

    private TaskQueue queue(String workspaceSid, String sid, String name) {
        if (sid != null) {
            return queues.find(workspaceSid, sid).orElseThrow(() -> TwilioErrors.invalid("TaskQueueSid",
                    "task queue " + sid + " does not exist in this workspace"));
        }
        return queues.list(workspaceSid, name, 0, 1).stream().findFirst().orElseThrow(() -> TwilioErrors.invalid(
                "TaskQueueName", "no task queue named " + name + " in this workspace"));
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        return json.worker(service.get(workspaceSid, sid));
    }

    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        return json.worker(service.update(workspaceSid, sid, form.friendlyName("FriendlyName").orElse(null),
                form.attributes("Attributes").orElse(null), form.sid("ActivitySid", "WA").orElse(null),
                form.bool("RejectPendingReservations").orElse(false)));
    }
}
