package org.opencc.taskrouter.workspace;

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
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.api.Representations;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.api.Urls;

/** {@code /v1/Workspaces}: TaskRouter's workspace resource. */
@Path("/v1/Workspaces")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {
    private static final Set<String> QUEUE_ORDERS = Set.of("FIFO", "LIFO");
    private final WorkspaceService service;
    private final WorkspaceRepository workspaces;
    private final ActivityRepository activities;
    private final Representations json;
    private final Urls urls;

    public WorkspaceResource(WorkspaceService service, WorkspaceRepository workspaces, ActivityRepository activities,
            Representations json, Urls urls) {
        this.service = service;
        this.workspaces = workspaces;
        this.activities = activities;
        this.json = json;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> params) {
        Form form = new Form(params);
        Workspace created = service.create(form.required("FriendlyName"), form.optional("EventCallbackUrl")
                .orElse(null), form.optional("EventsFilter").orElse(null), form.bool("MultiTaskEnabled").orElse(true),
                form.oneOf("PrioritizeQueueOrder", QUEUE_ORDERS).orElse("FIFO"));
        return Response.status(201).entity(represent(created)).build();
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        String friendlyName = query.optional("FriendlyName").orElse(null);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("FriendlyName", friendlyName);
        return paging.envelope("workspaces", workspaces.list(friendlyName, paging.offset(), paging.limit()),
                this::represent, urls.workspaces(""), filters);
    }

    @GET
    @Path("/{workspaceSid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String sid) {
        return represent(service.get(sid));
    }

    @POST
    @Path("/{workspaceSid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String sid, MultivaluedMap<String, String> params) {
        Workspace w = service.get(sid);
        Form form = new Form(params);
        String defaultActivity = form.sid("DefaultActivitySid", "WA").orElse(w.defaultActivitySid());
        String timeoutActivity = form.sid("TimeoutActivitySid", "WA").orElse(w.timeoutActivitySid());
        checkActivity(sid, "DefaultActivitySid", defaultActivity);
        checkActivity(sid, "TimeoutActivitySid", timeoutActivity);
        return represent(service.update(new Workspace(sid, form.optional("FriendlyName").orElse(w.friendlyName()),
                form.optional("EventCallbackUrl").orElse(w.eventCallbackUrl()),
                form.optional("EventsFilter").orElse(w.eventsFilter()), defaultActivity, timeoutActivity,
                form.bool("MultiTaskEnabled").orElse(w.multiTaskEnabled()),
                form.oneOf("PrioritizeQueueOrder", QUEUE_ORDERS).orElse(w.prioritizeQueueOrder()),
                w.dateCreated(), w.dateUpdated())));
    }

    @DELETE
    @Path("/{workspaceSid}")
    public Response delete(@PathParam("workspaceSid") String sid) {
        service.delete(sid);
        return Response.noContent().build();
    }

    private void checkActivity(String workspaceSid, String parameter, String activitySid) {
        if (activitySid != null && activities.find(workspaceSid, activitySid).isEmpty()) {
            throw TwilioErrors.invalid(parameter, "activity " + activitySid + " does not exist in this workspace");
        }
    }

    private Map<String, Object> represent(Workspace w) {
        return json.workspace(w, name(w.sid(), w.defaultActivitySid()), name(w.sid(), w.timeoutActivitySid()));
    }

    private String name(String workspaceSid, String activitySid) {
        return activitySid == null ? null
                : activities.find(workspaceSid, activitySid).map(Activity::friendlyName).orElse(null);
    }
}
