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
 * Per workflow: its tasks pending, reserved and assigned and the longest wait, as JSON ({@code GET
 * /v1/workflows/live}) or as a server-sent event stream ({@code GET /v1/workflows/live/stream}).
 */
@Path("/v1/workflows/live")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class WorkflowLiveResource {
    private final LiveViewService live;
    private final LiveStream stream;

    public WorkflowLiveResource(LiveViewService live, LiveStream stream) {
        this.live = live;
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WorkflowsSnapshot workflows(@QueryParam(QueueLiveResource.WORKSPACE_SID) String workspaceSid) {
        return live.workflows(QueueLiveResource.validWorkspace(workspaceSid));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@QueryParam(QueueLiveResource.WORKSPACE_SID) String workspaceSid,
            @Context Sse sse) {
        String workspace = QueueLiveResource.validWorkspace(workspaceSid);
        return stream.open(LiveStream.WORKFLOWS, () -> live.workflows(workspace), sse);
    }
}
