package org.opencc.taskrouter.channel;

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

/** {@code /v1/Workspaces/{WorkspaceSid}/TaskChannels}; {@code {Sid}} is a TC SID or the unique name. */
@Path("/v1/Workspaces/{workspaceSid}/TaskChannels")
@Produces(MediaType.APPLICATION_JSON)
public class TaskChannelResource {
    private static final int MAX_UNIQUE_NAME = 64;
    private final TaskChannelService service;
    private final TaskChannelRepository channels;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;

    public TaskChannelResource(TaskChannelService service, TaskChannelRepository channels, WorkspaceScope scope,
            Representations json, Urls urls) {
        this.service = service;
        this.channels = channels;
        this.scope = scope;
        this.json = json;
        this.urls = urls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("workspaceSid") String workspaceSid, MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        String friendlyName = form.requiredFriendlyName("FriendlyName");
        String uniqueName = form.required("UniqueName");
        if (uniqueName.length() > MAX_UNIQUE_NAME || !uniqueName.matches("[A-Za-z0-9_.-]+")) {
            throw TwilioErrors.invalid("UniqueName", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        TaskChannel created = service.create(workspaceSid, friendlyName, uniqueName,
                form.bool("ChannelOptimizedRouting").orElse(false));
        return Response.status(201).entity(json.taskChannel(created)).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        Paging paging = Paging.from(new Form(uri.getQueryParameters()));
        return paging.envelope("channels", channels.list(workspaceSid, paging.offset(), paging.limit()),
                json::taskChannel, urls.workspaces("/" + workspaceSid + "/TaskChannels"), new LinkedHashMap<>());
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        return json.taskChannel(service.get(workspaceSid, sid));
    }

    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        return json.taskChannel(service.update(workspaceSid, sid, form.friendlyName("FriendlyName").orElse(null),
                form.bool("ChannelOptimizedRouting").orElse(null)));
    }

    @DELETE
    @Path("/{sid}")
    public Response delete(@PathParam("workspaceSid") String workspaceSid, @PathParam("sid") String sid) {
        scope.require(workspaceSid);
        service.delete(workspaceSid, sid);
        return Response.noContent().build();
    }
}
