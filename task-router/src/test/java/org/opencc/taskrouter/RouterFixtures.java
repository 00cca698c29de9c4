package org.opencc.taskrouter;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import java.net.URL;
import java.util.UUID;
import org.opencc.testsupport.twilio.TwilioClients;

/** Builds routing setups through the official Twilio SDK, each with fresh names. */
final class RouterFixtures {
    static final String ACCOUNT_SID = "ACtest00000000000000000000000000000";
    static final String AUTH_TOKEN = "test-token";

    final TwilioRestClient client;

    RouterFixtures(URL base) {
        String url = base.toString();
        this.client = TwilioClients.forBaseUrl(url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
                ACCOUNT_SID, AUTH_TOKEN);
    }

    /** A workspace with a queue taking workers whose skills include "support", and a workflow routing to it. */
    Setup supportSetup() {
        Workspace workspace = Workspace.creator("ws-" + UUID.randomUUID()).create(client);
        Activity available = Activity.reader(workspace.getSid()).setFriendlyName("Available").read(client)
                .iterator().next();
        TaskQueue queue = TaskQueue.creator(workspace.getSid(), "Support").setTargetWorkers("skills HAS 'support'")
                .create(client);
        Workflow workflow = Workflow.creator(workspace.getSid(), "Routing", "{\"task_routing\":{\"filters\":["
                + "{\"filter_friendly_name\":\"Messaging\",\"expression\":\"channel IN ['sms','whatsapp']\","
                + "\"targets\":[{\"queue\":\"" + queue.getSid() + "\"}]}],\"default_filter\":{\"queue\":\""
                + queue.getSid() + "\"}}}").setTaskReservationTimeout(120).create(client);
        return new Setup(workspace.getSid(), available.getSid(), queue.getSid(), workflow.getSid());
    }

    Worker worker(Setup setup, String name, String attributes, boolean available) {
        com.twilio.rest.taskrouter.v1.workspace.WorkerCreator creator = Worker.creator(setup.workspaceSid(), name).setAttributes(attributes);
        if (available) {
            creator.setActivitySid(setup.availableActivitySid());
        }
        return creator.create(client);
    }

    record Setup(String workspaceSid, String availableActivitySid, String queueSid, String workflowSid) {}
}
