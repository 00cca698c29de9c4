package org.opencc.taskrouter.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencc.routing.expression.Expression;
import org.opencc.routing.expression.ExpressionException;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.taskrouter.activity.ActivityRepository;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.routing.Dispatcher;

@ApplicationScoped
public class TaskQueueService {
    private final TaskQueueRepository queues;
    private final ActivityRepository activities;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final QueueMembership membership;

    public TaskQueueService(TaskQueueRepository queues, ActivityRepository activities, Dispatcher dispatcher,
            Clock clock, QueueMembership membership) {
        this.membership = membership;
        this.dispatcher = dispatcher;
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
        membership.refreshQueue(workspaceSid, queue.sid(), targetWorkers);
        return queue;
    }

    /** Changes a queue; null arguments keep what it has. A new TargetWorkers may let waiting tasks route. */
    @Transactional
    public TaskQueue update(String workspaceSid, String sid, String friendlyName, String targetWorkers,
            Integer maxReservedWorkers, String taskOrder, String reservationActivitySid,
            String assignmentActivitySid) {
        TaskQueue q = get(workspaceSid, sid);
        if (friendlyName != null && !friendlyName.equals(q.friendlyName())
                && queues.existsByName(workspaceSid, friendlyName)) {
            throw new ProblemException(TwilioErrors.DUPLICATE,
                    "TaskQueue with FriendlyName " + friendlyName + " already exists");
        }
        if (targetWorkers != null) {
            try {
                Expression.parse(targetWorkers);
            } catch (ExpressionException e) {
                throw TwilioErrors.invalid("TargetWorkers", e.getMessage());
            }
        }
        checkActivity(workspaceSid, "ReservationActivitySid", reservationActivitySid);
        checkActivity(workspaceSid, "AssignmentActivitySid", assignmentActivitySid);
        queues.update(new TaskQueue(sid, workspaceSid, friendlyName != null ? friendlyName : q.friendlyName(),
                targetWorkers != null ? targetWorkers : q.targetWorkers(),
                maxReservedWorkers != null ? maxReservedWorkers : q.maxReservedWorkers(),
                taskOrder != null ? taskOrder : q.taskOrder(),
                reservationActivitySid != null ? reservationActivitySid : q.reservationActivitySid(),
                assignmentActivitySid != null ? assignmentActivitySid : q.assignmentActivitySid(),
                q.dateCreated(), clock.instant()));
        if (targetWorkers != null) {
            membership.refreshQueue(workspaceSid, sid, targetWorkers);
            dispatcher.dispatch(workspaceSid);
        }
        return get(workspaceSid, sid);
    }

    /** Deletes a queue no task waits in and no workflow names; Twilio refuses the others with a 400. */
    @Transactional
    public void delete(String workspaceSid, String sid) {
        TaskQueue q = get(workspaceSid, sid);
        long waiting = queues.waitingTasks(q.sid());
        if (waiting > 0) {
            throw new ProblemException(TwilioErrors.IN_USE, "Cannot delete TaskQueue " + sid + ": " + waiting
                    + " pending or reserved task(s) are in it");
        }
        List<String> workflows = queues.workflowsNaming(workspaceSid, sid);
        if (!workflows.isEmpty()) {
            throw new ProblemException(TwilioErrors.IN_USE, "Cannot delete TaskQueue " + sid
                    + ": workflow(s) " + String.join(", ", workflows) + " route to it");
        }
        queues.delete(sid);
    }

    /**
     * One page of a queue list: by name, in the asked order, and, when {@code workerAttributes} is given, only those
     * whose TargetWorkers select a worker with these attributes.
     */
    public List<TaskQueue> list(String workspaceSid, String friendlyName, String orderBy,
            Map<String, Object> workerAttributes, org.opencc.taskrouter.api.Paging paging) {
        if (workerAttributes == null) {
            // nothing to evaluate in memory: the database reads just the page
            return queues.listAll(workspaceSid, friendlyName, orderBy, paging);
        }
        Map<String, Object> scope = new HashMap<>(workerAttributes);
        scope.put("worker", workerAttributes);
        return paging.slice(queues.listAll(workspaceSid, friendlyName, orderBy, null).stream()
                .filter(q -> Expression.parse(q.targetWorkers()).matches(scope)).toList());
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
