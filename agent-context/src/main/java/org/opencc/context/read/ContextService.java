package org.opencc.context.read;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.regex.Pattern;
import org.opencc.context.assignment.AssignmentRepository;
import org.opencc.context.assignment.TaskView;
import org.opencc.context.crm.CrmFanOut;
import org.opencc.context.crm.FanOutResult;
import org.opencc.context.problem.ProblemTypes;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Caller;
import org.opencc.support.security.Roles;
import org.opencc.support.tracing.StageSpans;

/**
 * Reads a task's context: checks the caller may see the task, then fans out to the CRMs. No transaction is held
 * while the CRMs answer.
 */
@ApplicationScoped
public class ContextService {
    private static final Pattern TASK_SID = Pattern.compile("WT[0-9a-fA-F]{32}");

    private final AssignmentRepository assignments;
    private final CrmFanOut crm;
    private final Caller caller;
    private final Clock clock;

    public ContextService(AssignmentRepository assignments, CrmFanOut crm, Caller caller, Clock clock) {
        this.assignments = assignments;
        this.crm = crm;
        this.caller = caller;
        this.clock = clock;
    }

    public ContextResponse read(String taskSid) {
        if (taskSid == null || !TASK_SID.matcher(taskSid).matches()) {
            throw ProblemException.invalid("taskSid", "must be WT followed by 32 hexadecimal digits");
        }
        Span span = StageSpans.current(Stage.CRM);
        span.setAttribute(SpanKeys.TASK_SID, taskSid);
        TaskView task = assignments.findTask(taskSid)
                .orElseThrow(() -> ProblemException.notFound("task " + taskSid));
        // this read runs in its own trace; the link ties it to the interaction's
        StageSpans.linkToInteraction(span, task.interactionId(), task.rootTraceparent());
        authorize(taskSid);
        FanOutResult result = crm.fetch(task.taskSid(), task.customerKey());
        return new ContextResponse(task.taskSid(), task.interactionId(), result.customer().orElse(null),
                result.sources(), clock.instant());
    }

    /** Supervisors and admins read any task; an agent only one a live reservation of its worker holds. */
    private void authorize(String taskSid) {
        if (caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN)) {
            return;
        }
        String workerSid = caller.workerSid().orElseThrow(() -> new ProblemException(ProblemTypes.NOT_YOUR_TASK,
                "the token names no worker (claim worker_sid)"));
        StageSpans.id(Span.current(), SpanKeys.WORKER_SID, workerSid);
        if (!assignments.isHeldBy(taskSid, workerSid)) {
            throw new ProblemException(ProblemTypes.NOT_YOUR_TASK,
                    "no pending or accepted reservation of task " + taskSid + " names worker " + workerSid);
        }
    }
}
