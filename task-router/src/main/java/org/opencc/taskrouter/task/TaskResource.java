package org.opencc.taskrouter.task;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencc.routing.expression.Expression;
import org.opencc.routing.expression.ExpressionException;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.api.Ordering;
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
    private static final Set<String> UPDATE_STATUSES = Set.of("wrapping", "completed", "canceled");
    private static final Map<String, String> ORDERING = Map.of("DateCreated", "t.date_created",
            "Priority", "t.priority", "DateUpdated", "t.date_updated", "VirtualStartTime", "t.date_created");
    private final TaskService service;
    private final TaskRepository tasks;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;

    public TaskResource(TaskService service, TaskRepository tasks, WorkspaceScope scope, Representations json,
            Urls urls) {
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
                form.attributes("Attributes").orElse("{}"), form.integer("Priority", 0, Integer.MAX_VALUE).orElse(0),
                form.integer("Timeout", 1, TaskService.MAX_TIMEOUT).orElse(TaskService.DEFAULT_TIMEOUT),
                form.optional("TaskChannel").orElse(null));
        return Response.status(201).entity(represent(created)).build();
    }

    /**
     * Filters: {@code Priority}, {@code AssignmentStatus} (repeatable), {@code WorkflowSid}, {@code WorkflowName},
     * {@code TaskQueueSid}, {@code TaskQueueName}, {@code EvaluateTaskAttributes}, {@code RoutingTarget} (a worker
     * holding a live reservation, or the queue), {@code Ordering}, {@code HasAddons}.
     */
    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        List<String> statuses = query.all("AssignmentStatus");
        for (String status : statuses) {
            if (!STATUSES.contains(status)) {
                throw TwilioErrors.invalid("AssignmentStatus", "must be one of " + String.join(", ", STATUSES));
            }
        }
        String routingTarget = query.optional("RoutingTarget").orElse(null);
        if (routingTarget != null && !org.opencc.support.ids.Sids.isValid("WK", routingTarget)
                && !org.opencc.support.ids.Sids.isValid("WQ", routingTarget)) {
            throw TwilioErrors.invalid("RoutingTarget", "must be a WK or WQ SID");
        }
        boolean queueTarget = routingTarget != null && routingTarget.startsWith("WQ");
        String queueSid = query.sid("TaskQueueSid", "WQ").orElse(null);
        TaskRepository.TaskQuery filter = new TaskRepository.TaskQuery(
                query.integer("Priority", 0, Integer.MAX_VALUE).orElse(null), statuses,
                query.sid("WorkflowSid", "WW").orElse(null), query.optional("WorkflowName").orElse(null),
                queueTarget ? routingTarget : queueSid, query.optional("TaskQueueName").orElse(null),
                routingTarget != null && !queueTarget ? routingTarget : null, query.bool("HasAddons").orElse(null));
        String evaluate = query.optional("EvaluateTaskAttributes").orElse(null);
        Expression expression = null;
        if (evaluate != null) {
            try {
                expression = Expression.parse(evaluate);
            } catch (ExpressionException e) {
                throw TwilioErrors.invalid("EvaluateTaskAttributes", e.getMessage());
            }
        }
        String orderBy = Ordering.orderBy(query, "Ordering", ORDERING, "t.date_created", "t.sid");
        List<Task> page;
        if (expression == null) {
            // nothing to evaluate in memory: the database reads just the page
            page = tasks.listAll(workspaceSid, filter, orderBy, paging);
        } else {
            Expression matcher = expression;
            page = paging.slice(tasks.listAll(workspaceSid, filter, orderBy, null).stream().filter(t -> {
                Map<String, Object> attributes = Json.attributes(t.attributes());
                Map<String, Object> scope = new HashMap<>(attributes);
                scope.put("task", attributes);
                return matcher.matches(scope);
            }).toList());
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("Priority", filter.priority() == null ? null : filter.priority().toString());
        filters.put("AssignmentStatus", statuses.isEmpty() ? null : String.join(",", statuses));
        filters.put("WorkflowSid", filter.workflowSid());
        filters.put("WorkflowName", filter.workflowName());
        filters.put("TaskQueueSid", queueSid);
        filters.put("TaskQueueName", filter.taskQueueName());
        filters.put("EvaluateTaskAttributes", evaluate);
        filters.put("RoutingTarget", routingTarget);
        filters.put("Ordering", query.optional("Ordering").orElse(null));
        filters.put("HasAddons", filter.hasAddons() == null ? null : filter.hasAddons().toString());
        Map<String, Map<String, String>> names = tasks.names(page);
        return paging.envelope("tasks", page, task -> represent(task, names.get(task.sid())),
                urls.workspaces("/" + workspaceSid + "/Tasks"), filters);
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        return represent(tasks.find(workspaceSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Tasks/" + sid)));
    }

    /**
     * {@code Attributes} (re-routes a task not yet assigned), {@code Priority}, {@code Reason}, {@code TaskChannel}
     * (while pending) and {@code AssignmentStatus}: {@code wrapping}, {@code completed} or {@code canceled} (frees
     * the worker's capacity).
     */
    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        TaskService.TaskChange change = new TaskService.TaskChange(form.attributes("Attributes").orElse(null),
                form.integer("Priority", 0, Integer.MAX_VALUE).orElse(null), form.optional("Reason").orElse(null),
                form.oneOf("AssignmentStatus", UPDATE_STATUSES).orElse(null),
                form.optional("TaskChannel").orElse(null));
        return represent(service.update(workspaceSid, sid, change));
    }

    /** Deletes the task and its reservations. */
    @DELETE
    @Path("/{sid}")
    public Response delete(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        scope.require(workspaceSid);
        service.delete(workspaceSid, sid);
        return Response.noContent().build();
    }

    /** TaskRouter's task JSON, with the names and defaults it always shows beside the SIDs. */
    private Map<String, Object> represent(Task task) {
        return represent(task, tasks.names(List.of(task)).get(task.sid()));
    }

    private Map<String, Object> represent(Task task, Map<String, String> names) {
        Map<String, Object> m = json.task(task);
        m.putAll(names);
        m.putIfAbsent("addons", "{}");
        m.putIfAbsent("ignore_capacity", false);
        m.putIfAbsent("virtual_start_time", org.opencc.taskrouter.api.Urls.date(task.dateCreated()));
        m.putIfAbsent("routing_target", null);
        return m;
    }
}
