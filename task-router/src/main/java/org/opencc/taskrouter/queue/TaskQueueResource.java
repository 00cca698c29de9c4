package org.opencc.taskrouter.queue;

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
import java.util.Set;
import org.opencc.taskrouter.activity.Activity;
import org.opencc.taskrouter.activity.ActivityRepository;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.api.Ordering;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.api.Representations;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;
import org.opencc.taskrouter.worker.WorkerRepository;

/** {@code /v1/Workspaces/{WorkspaceSid}/TaskQueues}. */
@Path("/v1/Workspaces/{workspaceSid}/TaskQueues")
@Produces(MediaType.APPLICATION_JSON)
public class TaskQueueResource {
    private static final Set<String> ORDERS = Set.of("FIFO", "LIFO");
    private static final Map<String, String> ORDERING = Map.of("DateCreated", "date_created",
            "DateUpdated", "date_updated", "FriendlyName", "friendly_name");
    private final TaskQueueService service;
    private final TaskQueueRepository queues;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;
    private final WorkerRepository workers;
    private final ActivityRepository activities;

    public TaskQueueResource(TaskQueueService service, TaskQueueRepository queues, WorkspaceScope scope,
            Representations json, Urls urls, WorkerRepository workers, ActivityRepository activities) {
        this.activities = activities;
        this.workers = workers;
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
        TaskQueue created = service.create(workspaceSid, form.requiredFriendlyName("FriendlyName"),
                form.optional("TargetWorkers").orElse("1==1"), form.integer("MaxReservedWorkers", 1, 50).orElse(1),
                form.oneOf("TaskOrder", ORDERS).orElse("FIFO"),
                form.sid("ReservationActivitySid", "WA").orElse(null),
                form.sid("AssignmentActivitySid", "WA").orElse(null));
        return Response.status(201).entity(represent(created)).build();
    }

    /** Filters: {@code FriendlyName}, {@code EvaluateWorkerAttributes}, {@code WorkerSid}, {@code Ordering}. */
    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("FriendlyName", query.optional("FriendlyName").orElse(null));
        filters.put("EvaluateWorkerAttributes", query.attributes("EvaluateWorkerAttributes").orElse(null));
        filters.put("WorkerSid", query.sid("WorkerSid", "WK").orElse(null));
        filters.put("Ordering", query.optional("Ordering").orElse(null));
        String orderBy = Ordering.orderBy(query, "Ordering", ORDERING, "date_created", "sid");
        Map<String, Object> workerAttributes = null;
        if (filters.get("EvaluateWorkerAttributes") != null) {
            workerAttributes = Json.parseObject("EvaluateWorkerAttributes", filters.get("EvaluateWorkerAttributes"));
        } else if (filters.get("WorkerSid") != null) {
            String workerSid = filters.get("WorkerSid");
            workerAttributes = Json.attributes(workers.find(workspaceSid, workerSid).orElseThrow(() ->
                    TwilioErrors.invalid("WorkerSid", "worker " + workerSid + " does not exist in this workspace"))
                    .attributes());
        }
        return paging.envelope("task_queues", service.list(workspaceSid, filters.get("FriendlyName"),
                orderBy, workerAttributes, paging), this::represent, urls.workspaces("/" + workspaceSid + "/TaskQueues"),
                filters);
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        return represent(service.get(workspaceSid, sid));
    }

    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        return represent(service.update(workspaceSid, sid, form.friendlyName("FriendlyName").orElse(null),
                form.optional("TargetWorkers").orElse(null), form.integer("MaxReservedWorkers", 1, 50).orElse(null),
                form.oneOf("TaskOrder", ORDERS).orElse(null), form.sid("ReservationActivitySid", "WA").orElse(null),
                form.sid("AssignmentActivitySid", "WA").orElse(null)));
    }

    /** Refused (400) while tasks wait in the queue or a workflow routes to it. */
    @DELETE
    @Path("/{sid}")
    public Response delete(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        scope.require(workspaceSid);
        service.delete(workspaceSid, sid);
        return Response.noContent().build();
    }

    /** TaskRouter's queue JSON, with the activity names it shows beside the activity SIDs. */
    private Map<String, Object> represent(TaskQueue q) {
        Map<String, Object> m = json.taskQueue(q);
        m.put("reservation_activity_name", activityName(q.workspaceSid(), q.reservationActivitySid()));
        m.put("assignment_activity_name", activityName(q.workspaceSid(), q.assignmentActivitySid()));
        return m;
    }

    private String activityName(String workspaceSid, String sid) {
        return sid == null ? null : activities.find(workspaceSid, sid).map(Activity::friendlyName).orElse(null);
    }
}
