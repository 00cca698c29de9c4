package org.opencc.taskrouter.worker;

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
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.api.Representations;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;
import org.opencc.taskrouter.workspace.Workspace;

/** {@code /v1/Workspaces/{WorkspaceSid}/Workers}. */
@Path("/v1/Workspaces/{workspaceSid}/Workers")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerResource {
    private final WorkerService service;
    private final WorkerRepository workers;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;

    public WorkerResource(WorkerService service, WorkerRepository workers, WorkspaceScope scope,
            Representations json, Urls urls) {
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
        Worker created = service.create(workspace, form.required("FriendlyName"),
                form.jsonObject("Attributes").orElse(null), form.sid("ActivitySid", "WA").orElse(null));
        return Response.status(201).entity(json.worker(created)).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        Boolean available = query.bool("Available").orElse(null);
        WorkerRepository.WorkerFilter filter = new WorkerRepository.WorkerFilter(
                query.optional("FriendlyName").orElse(null), query.optional("ActivitySid").orElse(null),
                query.optional("ActivityName").orElse(null), available);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("FriendlyName", filter.friendlyName());
        filters.put("ActivitySid", filter.activitySid());
        filters.put("ActivityName", filter.activityName());
        filters.put("Available", available == null ? null : available.toString());
        return paging.envelope("workers", workers.list(workspaceSid, filter, paging.offset(), paging.limit()),
                json::worker, urls.workspaces("/" + workspaceSid + "/Workers"), filters);
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
        return json.worker(service.update(workspaceSid, sid, form.optional("FriendlyName").orElse(null),
                form.jsonObject("Attributes").orElse(null), form.sid("ActivitySid", "WA").orElse(null)));
    }
}
