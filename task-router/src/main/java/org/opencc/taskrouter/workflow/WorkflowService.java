package org.opencc.taskrouter.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.opencc.routing.workflow.WorkflowConfiguration;
import org.opencc.routing.workflow.WorkflowConfigurationException;
import org.opencc.support.ids.Sids;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.queue.TaskQueueRepository;

@ApplicationScoped
public class WorkflowService {
    private final WorkflowRepository workflows;
    private final TaskQueueRepository queues;
    private final Clock clock;

    public WorkflowService(WorkflowRepository workflows, TaskQueueRepository queues, Clock clock) {
        this.workflows = workflows;
        this.queues = queues;
        this.clock = clock;
    }

    /** Creates a workflow whose configuration parses and names only queues of this workspace. */
    @Transactional
    public Workflow create(String workspaceSid, String friendlyName, String configuration,
            String assignmentCallbackUrl, String fallbackAssignmentCallbackUrl, int taskReservationTimeout) {
        WorkflowConfiguration parsed;
        try {
            parsed = WorkflowConfiguration.parse(configuration);
        } catch (WorkflowConfigurationException e) {
            throw TwilioErrors.invalid("Configuration", e.getMessage());
        }
        for (String queueSid : parsed.queueSids()) {
            if (queues.find(workspaceSid, queueSid).isEmpty()) {
                throw TwilioErrors.invalid("Configuration", "task queue " + queueSid
                        + " does not exist in this workspace");
            }
        }
        Instant now = clock.instant();
        Workflow workflow = new Workflow(Sids.next("WW"), workspaceSid, friendlyName, configuration,
                assignmentCallbackUrl, fallbackAssignmentCallbackUrl, taskReservationTimeout, now, now);
        workflows.insert(workflow);
        return workflow;
    }

    public Workflow get(String workspaceSid, String sid) {
        return workflows.find(workspaceSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Workflows/" + sid));
    }
}
