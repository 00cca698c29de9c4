package org.opencc.taskrouter.channel;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.api.Representations;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;
import org.opencc.taskrouter.worker.WorkerService;

/**
 * {@code /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels}: a worker's capacity per task channel;
 * {@code {Sid}} is the WorkerChannel's SID, the task channel's SID or its unique name.
 */
@Path("/v1/Workspaces/{workspaceSid}/Workers/{workerSid}/Channels")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerChannelResource {
    /** Twilio's bounds on a worker's capacity per channel. */
    private static final int MAX_CAPACITY = 50;
    private final WorkerChannelService service;
    private final WorkerChannelRepository channels;
    private final WorkerService workers;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;

    public WorkerChannelResource(WorkerChannelService service, WorkerChannelRepository channels,
            WorkerService workers, WorkspaceScope scope, Representations json, Urls urls) {
        this.service = service;
        this.channels = channels;
        this.workers = workers;
        this.scope = scope;
        this.json = json;
        this.urls = urls;
    }

    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("workerSid") String workerSid, @Context UriInfo uri) {
        scope.require(workspaceSid);
        workers.get(workspaceSid, workerSid);
        Paging paging = Paging.from(new Form(uri.getQueryParameters()));
        return paging.envelope("channels", channels.list(workspaceSid, workerSid, paging.offset(), paging.limit()),
                json::workerChannel, urls.workspaces("/" + workspaceSid + "/Workers/" + workerSid + "/Channels"),
                new LinkedHashMap<>());
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("workerSid") String workerSid, @PathParam("sid") String sid) {
        scope.require(workspaceSid);
        return json.workerChannel(service.get(workspaceSid, workerSid, sid));
    }

    /** {@code Capacity} (0–50) and {@code Available}. */
    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("workerSid") String workerSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        return json.workerChannel(service.update(workspaceSid, workerSid, sid,
                form.integer("Capacity", 0, MAX_CAPACITY).orElse(null), form.bool("Available").orElse(null)));
    }
}
