package org.opencc.taskrouter.explain;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.persistence.Db;
import org.opencc.taskrouter.routing.RoutingPlanner;
import org.opencc.taskrouter.workflow.Workflow;
import org.opencc.taskrouter.workflow.WorkflowRepository;

/**
 * {@code POST /v1/Workspaces/{WS}/Workflows/{WW}/DryRun} — ours, not Twilio's: where a task with these
 * {@code Attributes} (and {@code TaskChannel}, default {@code default}) would go now, and why, without creating it.
 */
@Path("/v1/Workspaces/{workspaceSid}/Workflows/{workflowSid}/DryRun")
@Produces(MediaType.APPLICATION_JSON)
public class DryRunResource {
    private final WorkflowRepository workflows;
    private final RoutingPlanner planner;
    private final Db db;

    public DryRunResource(WorkflowRepository workflows, RoutingPlanner planner, Db db) {
        this.workflows = workflows;
        this.planner = planner;
        this.db = db;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> dryRun(@PathParam("workspaceSid") String workspaceSid,
            @PathParam("workflowSid") String workflowSid, MultivaluedMap<String, String> params) {
        Workflow workflow = workflows.find(workspaceSid, workflowSid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Workflows/" + workflowSid));
        Form form = new Form(params);
        Map<String, Object> attributes = Json.parseObject("Attributes", form.required("Attributes"));
        String channel = form.optional("TaskChannel").orElse("default");
        if (db.count("SELECT count(*) FROM task_channel WHERE workspace_sid = ? AND unique_name = ?", workspaceSid,
                channel) == 0) {
            throw TwilioErrors.invalid("TaskChannel", "no task channel " + channel + " in this workspace");
        }
        RoutingPlanner.Plan plan = planner.plan(workflow, channel, attributes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workflow_sid", workflow.sid());
        body.put("workflow_version", Urls.date(workflow.dateUpdated()));
        body.put("matched_filter", plan.decision().matchedFilter());
        body.put("task_queue_sid", plan.queue() == null ? null : plan.queue().sid());
        body.putAll(plan.detail());
        body.put("eligible_workers", plan.eligibleInOrder());
        body.put("would_reserve", plan.eligibleInOrder().isEmpty() ? null : plan.eligibleInOrder().get(0));
        return body;
    }
}
