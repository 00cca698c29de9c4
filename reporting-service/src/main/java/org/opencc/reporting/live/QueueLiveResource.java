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
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Roles;

/**
 * The live wallboard: per queue, tasks pending, reserved and assigned, the longest wait and the available workers,
 * as JSON ({@code GET /v1/queues/live}) or as a server-sent event stream ({@code GET /v1/queues/live/stream}).
 */
@Path("/v1/queues/live")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class QueueLiveResource {
    static final String WORKSPACE_SID = "workspace_sid";

    private final LiveViewService live;
    private final LiveStream stream;

    public QueueLiveResource(LiveViewService live, LiveStream stream) {
        this.live = live;
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public LiveSnapshot queues(@QueryParam(WORKSPACE_SID) String workspaceSid) {
        return live.queues(validWorkspace(workspaceSid));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@QueryParam(WORKSPACE_SID) String workspaceSid, @Context Sse sse) {
        String workspace = validWorkspace(workspaceSid);
        return stream.open(LiveStream.QUEUES, () -> live.queues(workspace), sse);
    }

    static String validWorkspace(String workspaceSid) {
        if (workspaceSid == null || workspaceSid.isEmpty()) {
            return null;
        }
        if (!Sids.isValid("WS", workspaceSid)) {
            throw ProblemException.invalid(WORKSPACE_SID, "must be WS followed by 32 lower-case hex digits");
        }
        return workspaceSid;
    }
}
