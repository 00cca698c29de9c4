package org.opencc.taskrouter.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.opencc.routing.workflow.WorkflowConfiguration;
import org.opencc.routing.workflow.WorkflowConfigurationException;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.queue.TaskQueueRepository;
import org.opencc.taskrouter.routing.Dispatcher;

@ApplicationScoped
public class WorkflowService {
    private final WorkflowRepository workflows;
    private final TaskQueueRepository queues;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public WorkflowService(WorkflowRepository workflows, TaskQueueRepository queues, Dispatcher dispatcher,
            Clock clock) {
        this.dispatcher = dispatcher;
        this.workflows = workflows;
        this.queues = queues;
        this.clock = clock;
    }

    /** Creates a workflow (its version 1) whose configuration parses and names only queues of this workspace. */
    @Transactional
    public Workflow create(String workspaceSid, String friendlyName, String configuration,
            String assignmentCallbackUrl, String fallbackAssignmentCallbackUrl, int taskReservationTimeout) {
        validate(workspaceSid, configuration);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Workflow workflow = new Workflow(Sids.next("WW"), workspaceSid, friendlyName, configuration,
                assignmentCallbackUrl, fallbackAssignmentCallbackUrl, taskReservationTimeout, now, now);
        workflows.insert(workflow);
        workflows.insertVersion(workflow);
        return workflow;
    }

    /**
     * Changes a workflow (null arguments keep what it has) as a new version: {@code date_updated} moves on, the
     * configuration is kept in {@code workflow_version} under it, and pending tasks are routed by the new one.
     */
    @Transactional
    public Workflow update(String workspaceSid, String sid, String friendlyName, String configuration,
            String assignmentCallbackUrl, String fallbackAssignmentCallbackUrl, Integer taskReservationTimeout) {
        Workflow w = workflows.findForUpdate(workspaceSid, sid).orElseThrow(() -> notFound(workspaceSid, sid));
        if (configuration != null) {
            validate(workspaceSid, configuration);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!now.isAfter(w.dateUpdated())) {
            // versions are keyed by date_updated: two updates in one microsecond still get two versions
            now = w.dateUpdated().plus(1, ChronoUnit.MICROS);
        }
        Workflow updated = new Workflow(sid, workspaceSid, friendlyName != null ? friendlyName : w.friendlyName(),
                configuration != null ? configuration : w.configuration(),
                assignmentCallbackUrl != null ? assignmentCallbackUrl : w.assignmentCallbackUrl(),
                fallbackAssignmentCallbackUrl != null ? fallbackAssignmentCallbackUrl
                        : w.fallbackAssignmentCallbackUrl(),
                taskReservationTimeout != null ? taskReservationTimeout : w.taskReservationTimeout(),
                w.dateCreated(), now);
        workflows.update(updated);
        workflows.insertVersion(updated);
        dispatcher.dispatch(workspaceSid);
        return get(workspaceSid, sid);
    }

    /** Deletes a workflow no unfinished task uses; Twilio refuses the others with a 400. */
    @Transactional
    public void delete(String workspaceSid, String sid) {
        Workflow w = workflows.findForUpdate(workspaceSid, sid).orElseThrow(() -> notFound(workspaceSid, sid));
        long live = workflows.liveTasks(w.sid());
        if (live > 0) {
            throw new ProblemException(TwilioErrors.IN_USE, "Cannot delete Workflow " + sid + ": " + live
                    + " active task(s) use it");
        }
        workflows.delete(sid);
    }

    private void validate(String workspaceSid, String configuration) {
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
    }

    private static ProblemException notFound(String workspaceSid, String sid) {
        return TwilioErrors.notFound("/Workspaces/" + workspaceSid + "/Workflows/" + sid);
    }

    public Workflow get(String workspaceSid, String sid) {
        return workflows.find(workspaceSid, sid).orElseThrow(() -> notFound(workspaceSid, sid));
    }
}
