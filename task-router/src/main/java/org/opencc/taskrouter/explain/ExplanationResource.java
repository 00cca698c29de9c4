package org.opencc.taskrouter.explain;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.routing.RoutingDecisions;
import org.opencc.taskrouter.task.Task;
import org.opencc.taskrouter.task.TaskRepository;

/**
 * {@code GET /v1/Workspaces/{WS}/Tasks/{WT}/Explanation} — ours, not Twilio's: why the task went where it went.
 * One decision per routing attempt: workflow and its version, each filter tried and whether it matched, the
 * target, and every worker considered with the reason it was excluded, or that it was chosen.
 */
@Path("/v1/Workspaces/{workspaceSid}/Tasks/{taskSid}/Explanation")
@Produces(MediaType.APPLICATION_JSON)
public class ExplanationResource {
    private final TaskRepository tasks;
    private final RoutingDecisions decisions;

    public ExplanationResource(TaskRepository tasks, RoutingDecisions decisions) {
        this.tasks = tasks;
        this.decisions = decisions;
    }

    @GET
    public Map<String, Object> explain(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("taskSid") String taskSid) {
        Task task = tasks.find(workspaceSid, taskSid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Tasks/" + taskSid));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_sid", task.sid());
        body.put("workspace_sid", task.workspaceSid());
        body.put("workflow_sid", task.workflowSid());
        body.put("assignment_status", task.assignmentStatus());
        body.put("task_queue_sid", task.taskQueueSid());
        body.put("decisions", decisions.forTask(task.sid()));
        return body;
    }
}
