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
import org.opencc.taskrouter.task.TaskRepository;

/**
 * {@code /v1/Workspaces/{WorkspaceSid}/Tasks/{TaskSid}/Reservations}: a task's reservations. Accepting or rejecting
 * here is the same as on the worker's path.
 */
@Path("/v1/Workspaces/{workspaceSid}/Tasks/{taskSid}/Reservations")
@Produces(MediaType.APPLICATION_JSON)
public class TaskReservationResource {
    private static final Set<String> STATUSES = Set.of("pending", "accepted", "rejected", "timeout", "canceled",
            "rescinded", "wrapping", "completed");
    private final ReservationService service;
    private final ReservationRepository reservations;
    private final TaskRepository tasks;
    private final WorkspaceScope scope;
    private final Representations json;
    private final Urls urls;

    public TaskReservationResource(ReservationService service, ReservationRepository reservations,
            TaskRepository tasks, WorkspaceScope scope, Representations json, Urls urls) {
        this.service = service;
        this.reservations = reservations;
        this.tasks = tasks;
        this.scope = scope;
        this.json = json;
        this.urls = urls;
    }

    /** Filters: {@code ReservationStatus}, {@code WorkerSid}. */
    @GET
    public Map<String, Object> list(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("taskSid") String taskSid, @Context UriInfo uri) {
        requireTask(workspaceSid, taskSid);
        Form query = new Form(uri.getQueryParameters());
        Paging paging = Paging.from(query);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("ReservationStatus", query.oneOf("ReservationStatus", STATUSES).orElse(null));
        filters.put("WorkerSid", query.sid("WorkerSid", "WK").orElse(null));
        return paging.envelope("reservations", reservations.listForTask(workspaceSid, taskSid,
                filters.get("ReservationStatus"), filters.get("WorkerSid"), paging.offset(), paging.limit()),
                json::taskReservation, urls.workspaces("/" + workspaceSid + "/Tasks/" + taskSid + "/Reservations"),
                filters);
    }

    @GET
    @Path("/{sid}")
    public Map<String, Object> fetch(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("taskSid") String taskSid, @PathParam("sid") String sid) {
        return json.taskReservation(get(workspaceSid, taskSid, sid));
    }

    /** {@code ReservationStatus=accepted} or {@code rejected}, as on the worker's path. */
    @POST
    @Path("/{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> update(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("taskSid") String taskSid, @PathParam("sid") String sid,
            MultivaluedMap<String, String> params) {
        Form form = new Form(params);
        String status = form.required("ReservationStatus");
        if (!status.equals("accepted") && !status.equals("rejected")) {
            throw TwilioErrors.invalid("ReservationStatus", "supported values are accepted and rejected");
        }
        Reservation reservation = get(workspaceSid, taskSid, sid);
        Reservation updated = status.equals("accepted")
                ? service.accept(workspaceSid, reservation.workerSid(), sid)
                : service.reject(workspaceSid, reservation.workerSid(), sid);
        return json.taskReservation(updated);
    }

    private Reservation get(String workspaceSid, String taskSid, String sid) {
        requireTask(workspaceSid, taskSid);
        return reservations.findForTask(workspaceSid, taskSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Tasks/" + taskSid + "/Reservations/" + sid));
    }

    private void requireTask(String workspaceSid, String taskSid) {
        scope.require(workspaceSid);
        tasks.find(workspaceSid, taskSid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Tasks/" + taskSid));
    }
}
