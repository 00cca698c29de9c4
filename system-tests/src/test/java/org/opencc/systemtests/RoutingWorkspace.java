package org.opencc.systemtests;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A workspace to build a routing fault in, through the official SDK: an "On shift" and an "Off shift" activity,
 * queues and workflows as a test needs them (a workflow with one named filter and a default filter, optionally an
 * assignment callback and a reservation timeout), workers, and the waits for what routing does with them.
 */
record RoutingWorkspace(TwilioRestClient twilio, String sid, Activity onShift, Activity offShift) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ROUTING_DEADLINE = Duration.ofSeconds(90);

    static RoutingWorkspace create(TwilioRestClient twilio, String name) {
        String sid = Workspace.creator(name + " " + UUID.randomUUID()).create(twilio).getSid();
        Activity onShift = Activity.creator(sid, "On shift").setAvailable(true).create(twilio);
        Activity offShift = Activity.creator(sid, "Off shift").setAvailable(false).create(twilio);
        return new RoutingWorkspace(twilio, sid, onShift, offShift);
    }

    /** A queue every worker of the workspace belongs to. */
    TaskQueue queue(String name) {
        return TaskQueue.creator(sid, name).setTargetWorkers("1==1").create(twilio);
    }

    /**
     * A workflow whose one filter, named {@code filterName}, sends tasks matching {@code expression} to
     * {@code filterQueue}; tasks no filter matches go to {@code defaultQueue}.
     *
     * @param assignmentCallbackUrl null for none
     * @param reservationTimeoutSeconds null for task-router's default (120 s)
     */
    Workflow workflow(String filterName, String expression, String filterQueue, String defaultQueue,
            String assignmentCallbackUrl, Integer reservationTimeoutSeconds) {
        return workflow(filterName, expression, filterQueue, null, defaultQueue, assignmentCallbackUrl,
                reservationTimeoutSeconds);
    }

    /** As above, the filter's target narrowed by a worker {@code targetExpression} (null: every queue member). */
    Workflow workflow(String filterName, String expression, String filterQueue, String targetExpression,
            String defaultQueue, String assignmentCallbackUrl, Integer reservationTimeoutSeconds) {
        ObjectNode configuration = JSON.createObjectNode();
        ObjectNode routing = configuration.putObject("task_routing");
        ObjectNode filter = routing.putArray("filters").addObject();
        filter.put("filter_friendly_name", filterName);
        filter.put("expression", expression);
        ObjectNode target = filter.putArray("targets").addObject().put("queue", filterQueue);
        if (targetExpression != null) {
            target.put("expression", targetExpression);
        }
        routing.putObject("default_filter").put("queue", defaultQueue);
        var creator = Workflow.creator(sid, "Workflow " + filterName, configuration.toString());
        if (assignmentCallbackUrl != null) {
            creator.setAssignmentCallbackUrl(assignmentCallbackUrl);
        }
        if (reservationTimeoutSeconds != null) {
            creator.setTaskReservationTimeout(reservationTimeoutSeconds);
        }
        return creator.create(twilio);
    }

    /** A worker on shift: routing may offer it a task at once. */
    Worker workerOnShift(String name) {
        return Worker.creator(sid, name + "-" + UUID.randomUUID()).setActivitySid(onShift.getSid()).create(twilio);
    }

    /** Puts the worker off shift (an activity that is not available). */
    void takeOffShift(String workerSid) {
        Worker.updater(sid, workerSid).setActivitySid(offShift.getSid()).update(twilio);
    }

    /** The worker's pending reservation, once there is one. */
    Reservation pendingReservation(String workerSid) {
        return await("a pending reservation of worker " + workerSid).atMost(ROUTING_DEADLINE).until(() -> {
            var it = Reservation.reader(sid, workerSid).setReservationStatus(Reservation.Status.PENDING)
                    .read(twilio).iterator();
            return it.hasNext() ? it.next() : null;
        }, r -> r != null);
    }

    /** The workspace's one task (the test's SMS opened it), once task-router has opened it. */
    Task onlyTask() {
        List<Task> tasks = await("the task of the test's SMS in workspace " + sid).atMost(ROUTING_DEADLINE)
                .until(() -> {
                    List<Task> all = new ArrayList<>();
                    Task.reader(sid).read(twilio).forEach(all::add);
                    return all;
                }, all -> !all.isEmpty());
        if (tasks.size() != 1) {
            throw new AssertionError("workspace " + sid + " should hold the one task of the test's SMS, holds "
                    + tasks.size());
        }
        return tasks.get(0);
    }

    /** The interaction a task was opened for: its {@code interaction_id} attribute. */
    String interactionOf(String taskSid) {
        String attributes = Task.fetcher(sid, taskSid).fetch(twilio).getAttributes();
        try {
            String id = JSON.readTree(attributes).path("interaction_id").asText(null);
            if (id == null) {
                throw new AssertionError("task " + taskSid + " has no interaction_id attribute: " + attributes);
            }
            return id;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("task " + taskSid + " has attributes that are not JSON: " + attributes, e);
        }
    }
}
