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
import java.util.function.Function;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Roles;

/**
 * The live views of the wallboard, each as JSON ({@code GET /v1/<view>/live}) or as a server-sent event stream
 * ({@code GET /v1/<view>/live/stream}), of one workspace or all: per queue (tasks pending, reserved and assigned,
 * the longest wait, the available workers), per workflow (the same counts across its queues) and per worker (name,
 * activity, queues, reserved and assigned tasks).
 */
@Path("/v1")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class LiveViewResource {
    static final String WORKSPACE_SID = "workspace_sid";

    private final LiveViewService live;
    private final LiveStream stream;

    public LiveViewResource(LiveViewService live, LiveStream stream) {
        this.live = live;
        this.stream = stream;
    }

    @GET
    @Path("/queues/live")
    @Produces(MediaType.APPLICATION_JSON)
    public LiveSnapshot queues(@QueryParam(WORKSPACE_SID) String workspaceSid) {
        return live.queues(validWorkspace(workspaceSid));
    }

    @GET
    @Path("/queues/live/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> queueStream(@QueryParam(WORKSPACE_SID) String workspaceSid, @Context Sse sse) {
        return open(LiveStream.QUEUES, live::queues, workspaceSid, sse);
    }

    @GET
    @Path("/workflows/live")
    @Produces(MediaType.APPLICATION_JSON)
    public WorkflowsSnapshot workflows(@QueryParam(WORKSPACE_SID) String workspaceSid) {
        return live.workflows(validWorkspace(workspaceSid));
    }

    @GET
    @Path("/workflows/live/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> workflowStream(@QueryParam(WORKSPACE_SID) String workspaceSid,
            @Context Sse sse) {
        return open(LiveStream.WORKFLOWS, live::workflows, workspaceSid, sse);
    }

    @GET
    @Path("/workers/live")
    @Produces(MediaType.APPLICATION_JSON)
    public WorkersSnapshot workers(@QueryParam(WORKSPACE_SID) String workspaceSid) {
        return live.workers(validWorkspace(workspaceSid));
    }

    @GET
    @Path("/workers/live/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> workerStream(@QueryParam(WORKSPACE_SID) String workspaceSid, @Context Sse sse) {
        return open(LiveStream.WORKERS, live::workers, workspaceSid, sse);
    }

    /** A stream of one view, its workspace checked before the first event. */
    private Multi<OutboundSseEvent> open(String event, Function<String, ? extends Versioned> view,
            String workspaceSid, Sse sse) {
        String workspace = validWorkspace(workspaceSid);
        return stream.open(event, () -> view.apply(workspace), sse);
    }

    private static String validWorkspace(String workspaceSid) {
        if (workspaceSid == null || workspaceSid.isEmpty()) {
            return null;
        }
        if (!Sids.isValid("WS", workspaceSid)) {
            throw ProblemException.invalid(WORKSPACE_SID, "must be WS followed by 32 lower-case hex digits");
        }
        return workspaceSid;
    }
}
