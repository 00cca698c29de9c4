package org.opencc.taskrouter.activity;

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
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.api.Representations;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;

/** {@code /v1/Workspaces/{WorkspaceSid}/Activities}. */
@Path("/v1/Workspaces/{workspaceSid}/Activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {
    private final ActivityService service;
    private final ActivityRepository activities;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;

    public ActivityResource(ActivityService service, ActivityRepository activities, WorkspaceScope scope,
            Representations json, Urls urls) {
        this.service = service;
        this.activities = activities;
        this.scope = scope;
        this.json = json;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("workspaceSid") String workspaceSid, MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        Activity created = service.create(workspaceSid, form.requiredFriendlyName("FriendlyName"),
                form.bool("Available").orElse(false));
        return Response.status(201).entity(json.activity(created)).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("FriendlyName", query.optional("FriendlyName").orElse(null));
        Boolean available = query.bool("Available").orElse(null);
        filters.put("Available", available == null ? null : available.toString());
        return paging.envelope("activities", activities.list(workspaceSid, filters.get("FriendlyName"), available,
                paging.offset(), paging.limit()), json::activity, urls.workspaces("/" + workspaceSid + "/Activities"),
                filters);
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        return json.activity(activities.find(workspaceSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Activities/" + sid)));
    }

    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        return json.activity(service.update(workspaceSid, sid, new Form(params).friendlyName("FriendlyName")
                .orElse(null)));
    }

    /** Refused (400) while workers are in the activity or it is a workspace or queue default. */
    @DELETE
    @Path("/{sid}")
    public Response delete(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        scope.require(workspaceSid);
        service.delete(workspaceSid, sid);
        return Response.noContent().build();
    }
}
