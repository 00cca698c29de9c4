package org.opencc.systemtests;

import static org.awaitility.Awaitility.await;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.worker.Reservation;
import java.time.Duration;
import java.util.UUID;

/**
 * The smallest routing set-up, made through the official SDK: a workspace with an "On shift" activity, one queue
 * for every worker and a workflow whose default filter targets it.
 */
record OneQueueWorkspace(TwilioRestClient twilio, String sid, Activity available, TaskQueue queue,
        Workflow workflow) {

    static OneQueueWorkspace create(TwilioRestClient twilio, String name) {
        String sid = Workspace.creator(name + " " + UUID.randomUUID()).create(twilio).getSid();
        Activity available = Activity.creator(sid, "On shift").setAvailable(true).create(twilio);
        TaskQueue queue = TaskQueue.creator(sid, "Everyone").setTargetWorkers("1==1").create(twilio);
        Workflow workflow = Workflow.creator(sid, "All", "{\"task_routing\":{\"default_filter\":{\"queue\":\""
                + queue.getSid() + "\"}}}").create(twilio);
        return new OneQueueWorkspace(twilio, sid, available, queue, workflow);
    }

    /** A worker, on shift when {@code onShift}, else in the workspace's default (offline) activity. */
    Worker worker(String name, boolean onShift) {
        var creator = Worker.creator(sid, name + "-" + UUID.randomUUID());
        return (onShift ? creator.setActivitySid(available.getSid()) : creator).create(twilio);
    }

    /** The worker's pending reservation, once there is one (within a minute). */
    Reservation pendingReservation(String workerSid) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var it = Reservation.reader(sid, workerSid).setReservationStatus(Reservation.Status.PENDING)
                    .read(twilio).iterator();
            return it.hasNext() ? it.next() : null;
        }, r -> r != null);
    }
}
