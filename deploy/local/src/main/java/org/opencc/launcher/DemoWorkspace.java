package org.opencc.launcher;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import java.util.Optional;
import java.util.function.Function;

/**
 * The demo TaskRouter setup, created through the official Twilio SDK against our task-router: workspace "Demo",
 * activities "Available" and "Offline", queue "Support", workflow "Demo routing" and workers alice and bob.
 * Every resource is looked up by friendly name first, so seeding twice changes nothing.
 */
final class DemoWorkspace {
    static final String WORKSPACE = "Demo";
    static final String QUEUE = "Support";
    static final String WORKFLOW = "Demo routing";
    static final String WORKER_ATTRIBUTES = "{\"skills\":[\"support\"],\"languages\":[\"en\"]}";

    /** The SIDs the rest of the demo refers to. */
    record Sids(String workspace, String workflow, String queue, String alice, String bob, String available) {}

    private final TwilioRestClient client;

    DemoWorkspace(TwilioRestClient client) {
        this.client = client;
    }

    Sids ensure() {
        String ws = find(Workspace.reader().setFriendlyName(WORKSPACE).read(client), Workspace::getFriendlyName,
                WORKSPACE).map(Workspace::getSid)
                .orElseGet(() -> Workspace.creator(WORKSPACE).create(client).getSid());
        String available = activity(ws, "Available", true);
        String offline = activity(ws, "Offline", false);
        String queue = find(TaskQueue.reader(ws).setFriendlyName(QUEUE).read(client), TaskQueue::getFriendlyName,
                QUEUE).map(TaskQueue::getSid)
                .orElseGet(() -> TaskQueue.creator(ws, QUEUE).setTargetWorkers("skills HAS 'support'")
                        .create(client).getSid());
        String workflow = find(Workflow.reader(ws).setFriendlyName(WORKFLOW).read(client), Workflow::getFriendlyName,
                WORKFLOW).map(Workflow::getSid)
                .orElseGet(() -> Workflow.creator(ws, WORKFLOW, routing(queue)).create(client).getSid());
        String alice = worker(ws, "alice", available);
        // bob starts offline so the demo SMS is always offered to alice (the printed curls use her token); make him
        // Available to see routing choose between two agents
        String bob = worker(ws, "bob", offline);
        return new Sids(ws, workflow, queue, alice, bob, available);
    }

    /** Messaging channels go to the queue by a named filter; anything else by the default filter. */
    static String routing(String queueSid) {
        return "{\"task_routing\":{\"filters\":[{\"filter_friendly_name\":\"Messaging\","
                + "\"expression\":\"channel IN ['sms','whatsapp']\",\"targets\":[{\"queue\":\"" + queueSid + "\"}]}],"
                + "\"default_filter\":{\"queue\":\"" + queueSid + "\"}}}";
    }

    private String activity(String ws, String name, boolean isAvailable) {
        return find(Activity.reader(ws).setFriendlyName(name).read(client), Activity::getFriendlyName, name)
                .map(Activity::getSid)
                .orElseGet(() -> Activity.creator(ws, name).setAvailable(isAvailable).create(client).getSid());
    }

    /** Finds or creates the worker in the given activity; an existing one is put back into it. */
    private String worker(String ws, String name, String activitySid) {
        Optional<Worker> existing = find(Worker.reader(ws).setFriendlyName(name).read(client),
                Worker::getFriendlyName, name);
        if (existing.isEmpty()) {
            return Worker.creator(ws, name).setAttributes(WORKER_ATTRIBUTES).setActivitySid(activitySid)
                    .create(client).getSid();
        }
        Worker worker = existing.get();
        if (!activitySid.equals(worker.getActivitySid())) {
            Worker.updater(ws, worker.getSid()).setActivitySid(activitySid).update(client);
        }
        return worker.getSid();
    }

    /** The first resource with exactly that friendly name (the server's filter is not relied on alone). */
    private static <T> Optional<T> find(Iterable<T> resources, Function<T, String> friendlyName, String name) {
        for (T resource : resources) {
            if (name.equals(friendlyName.apply(resource))) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }
}
