package org.opencc.taskrouter.stream;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.api.WorkspaceScope;
import org.opencc.taskrouter.worker.WorkerService;

/**
 * {@code GET /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Events/Stream} (ours, not Twilio's): the worker's
 * reservation and activity events as server-sent events, {@code id} being the worker's sequence number. A client
 * resumes with {@code Last-Event-ID} (or {@code last_event_id}); without it the stream starts with the next event.
 */
@Path("/v1/Workspaces/{workspaceSid}/Workers/{workerSid}/Events/Stream")
public class WorkerEventResource {
    static final String LAST_EVENT_ID = "last_event_id";

    private final WorkerStreams streams;
    private final WorkerEventRepository events;
    private final WorkerService workers;
    private final WorkspaceScope scope;

    public WorkerEventResource(WorkerStreams streams, WorkerEventRepository events, WorkerService workers,
            WorkspaceScope scope) {
        this.streams = streams;
        this.events = events;
        this.workers = workers;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("workerSid") String workerSid, @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam(LAST_EVENT_ID) String lastEventIdQuery, @Context Sse sse) {
        scope.require(workspaceSid);
        workers.get(workspaceSid, workerSid);
        String resume = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader
                : lastEventIdQuery;
        long after = resume == null || resume.isBlank() ? events.lastSeq(workerSid) : sequence(resume.trim());
        return streams.open(workerSid, after, sse);
    }

    private static long sequence(String text) {
        try {
            long seq = Long.parseLong(text);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw TwilioErrors.invalid("Last-Event-ID", "must be a sequence number sent by this stream");
    }
}
