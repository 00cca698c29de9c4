package org.opencc.taskrouter.workflow;

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
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;

/** {@code /v1/Workspaces/{WorkspaceSid}/Workflows}. */
@Path("/v1/Workspaces/{workspaceSid}/Workflows")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {
    private final WorkflowService service;
    private final WorkflowRepository workflows;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;

    public WorkflowResource(WorkflowService service, WorkflowRepository workflows, WorkspaceScope scope,
            Representations json, Urls urls) {
        this.service = service;
        this.workflows = workflows;
        this.scope = scope;
        this.json = json;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("workspaceSid") String workspaceSid, MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        Workflow created = service.create(workspaceSid, form.requiredFriendlyName("FriendlyName"),
                form.required("Configuration"),
                form.optional("AssignmentCallbackUrl").orElse(null),
                form.optional("FallbackAssignmentCallbackUrl").orElse(null),
                form.integer("TaskReservationTimeout", 1, 86_400).orElse(120));
        return Response.status(201).entity(json.workflow(created)).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("FriendlyName", query.optional("FriendlyName").orElse(null));
        return paging.envelope("workflows", workflows.list(workspaceSid, filters.get("FriendlyName"),
                paging.offset(), paging.limit()), json::workflow, urls.workspaces("/" + workspaceSid + "/Workflows"),
                filters);
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        return json.workflow(service.get(workspaceSid, sid));
    }

    /**
     * {@code FriendlyName}, {@code Configuration} (checked as on create), {@code AssignmentCallbackUrl},
     * {@code FallbackAssignmentCallbackUrl}, {@code TaskReservationTimeout}; each update is a new version. Pending
     * tasks are always routed again by the new version, so {@code ReEvaluateTasks} is accepted and needs nothing.
     */
    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        form.bool("ReEvaluateTasks");
        return json.workflow(service.update(workspaceSid, sid, form.friendlyName("FriendlyName").orElse(null),
                form.optional("Configuration").orElse(null), form.optional("AssignmentCallbackUrl").orElse(null),
                form.optional("FallbackAssignmentCallbackUrl").orElse(null),
                form.integer("TaskReservationTimeout", 1, 86_400).orElse(null)));
    }

    /** Refused (400) while unfinished tasks use the workflow. */
    @DELETE
    @Path("/{sid}")
    public Response delete(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        scope.require(workspaceSid);
        service.delete(workspaceSid, sid);
        return Response.noContent().build();
    }

    /** Ours, not Twilio's: every configuration the workflow has had, keyed as decisions record it. */
    @GET
    @Path("/{sid}/Versions")
    public Map<String, Object> versions(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("sid") String sid) {
        service.get(workspaceSid, sid);
        return Map.of("versions", workflows.versions(sid));
    }
}
