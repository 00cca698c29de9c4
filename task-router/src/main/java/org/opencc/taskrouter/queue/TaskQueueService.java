package org.opencc.taskrouter.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.opencc.routing.expression.Expression;
import org.opencc.routing.expression.ExpressionException;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.taskrouter.activity.ActivityRepository;
import org.opencc.taskrouter.api.TwilioErrors;

@ApplicationScoped
public class TaskQueueService {
    private final TaskQueueRepository queues;
    private final ActivityRepository activities;
    private final Clock clock;

    public TaskQueueService(TaskQueueRepository queues, ActivityRepository activities, Clock clock) {
        this.queues = queues;
        this.activities = activities;
        this.clock = clock;
    }

    @Transactional
    public TaskQueue create(String workspaceSid, String friendlyName, String targetWorkers, int maxReservedWorkers,
            String taskOrder, String reservationActivitySid, String assignmentActivitySid) {
        if (queues.existsByName(workspaceSid, friendlyName)) {
            throw new ProblemException(TwilioErrors.DUPLICATE,
                    "TaskQueue with FriendlyName " + friendlyName + " already exists");
        }
        try {
            Expression.parse(targetWorkers);
        } catch (ExpressionException e) {
            throw TwilioErrors.invalid("TargetWorkers", e.getMessage());
        }
        checkActivity(workspaceSid, "ReservationActivitySid", reservationActivitySid);
        checkActivity(workspaceSid, "AssignmentActivitySid", assignmentActivitySid);
        Instant now = clock.instant();
        TaskQueue queue = new TaskQueue(Sids.next("WQ"), workspaceSid, friendlyName, targetWorkers,
                maxReservedWorkers, taskOrder, reservationActivitySid, assignmentActivitySid, now, now);
        queues.insert(queue);
        return queue;
    }

    public TaskQueue get(String workspaceSid, String sid) {
        return queues.find(workspaceSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/TaskQueues/" + sid));
    }

    private void checkActivity(String workspaceSid, String parameter, String activitySid) {
        if (activitySid != null && activities.find(workspaceSid, activitySid).isEmpty()) {
            throw TwilioErrors.invalid(parameter, "activity " + activitySid + " does not exist in this workspace");
        }
    }
}
