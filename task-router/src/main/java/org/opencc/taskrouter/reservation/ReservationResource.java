package org.opencc.taskrouter.reservation;

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
import java.util.Set;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Paging;
import org.opencc.taskrouter.api.Representations;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.api.WorkspaceScope;
import org.opencc.taskrouter.worker.WorkerService;

/** {@code /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Reservations}: a worker's reservations. */
@Path("/v1/Workspaces/{workspaceSid}/Workers/{workerSid}/Reservations")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {
    private static final Set<String> STATUSES = Set.of("pending", "accepted", "rejected", "timeout", "canceled",
            "rescinded", "wrapping", "completed");
    private final ReservationService service;
    private final ReservationRepository reservations;
    private final WorkerService workers;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;

    public ReservationResource(ReservationService service, ReservationRepository reservations, WorkerService workers,
            WorkspaceScope scope, Representations json, Urls urls) {
        this.service = service;
        this.reservations = reservations;
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
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        String status = query.oneOf("ReservationStatus", STATUSES).orElse(null);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("ReservationStatus", status);
        return paging.envelope("reservations", reservations.listForWorker(workspaceSid, workerSid, status,
                paging.offset(), paging.limit()), json::reservation,
                urls.workspaces("/" + workspaceSid + "/Workers/" + workerSid + "/Reservations"), filters);
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("workerSid") String workerSid, @PathParam("sid") String sid) {
        return json.reservation(service.get(workspaceSid, workerSid, sid));
    }

    /** {@code ReservationStatus=accepted} or {@code rejected}; other updates are not supported yet. */
    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("workerSid") String workerSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        scope.require(workspaceSid);
        Form form = new Form(params);
        String status = form.required("ReservationStatus");
        if (status.equals("accepted")) {
            return json.reservation(service.accept(workspaceSid, workerSid, sid));
        }
        if (status.equals("rejected")) {
            return json.reservation(service.reject(workspaceSid, workerSid, sid));
        }
        throw TwilioErrors.invalid("ReservationStatus", "supported values are accepted and rejected");
    }
}
