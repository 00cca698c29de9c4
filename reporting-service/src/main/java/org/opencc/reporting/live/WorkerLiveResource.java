package org.opencc.reporting.live;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.opencc.support.security.Roles;

/**
 * Agent states for the wallboard: per worker, its activity, whether it can take tasks, its queues and its reserved
 * and assigned tasks, as JSON ({@code GET /v1/workers/live}) or as a server-sent event stream
 * ({@code GET /v1/workers/live/stream}).
 */
@Path("/v1/workers/live")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class WorkerLiveResource {
    private final LiveViewService live;
    private final LiveStream stream;

    public WorkerLiveResource(LiveViewService live, LiveStream stream) {
        this.live = live;
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WorkersSnapshot workers(@QueryParam(QueueLiveResource.WORKSPACE_SID) String workspaceSid) {
        return live.workers(QueueLiveResource.validWorkspace(workspaceSid));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@QueryParam(QueueLiveResource.WORKSPACE_SID) String workspaceSid,
            @Context Sse sse) {
        String workspace = QueueLiveResource.validWorkspace(workspaceSid);
        return stream.open(LiveStream.WORKERS, () -> live.workers(workspace), sse);
    }
}
