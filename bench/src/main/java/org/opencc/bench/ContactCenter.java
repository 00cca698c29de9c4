package org.opencc.bench;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.opencc.testsupport.process.LocalSuite;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * A contact center set up for the benchmark in running task-router and channel-gateway processes, through the
 * same interfaces a customer uses: the official Twilio SDK for TaskRouter (one workspace, a queue for everyone,
 * a workflow whose default filter targets it, available workers with capacity 1), the admin API to map a number,
 * and Twilio-signed SMS webhooks, each from a number not seen before so each opens a new interaction.
 */
final class ContactCenter {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final LocalSuite suite;
    private final TwilioRestClient twilio;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String webhookUrl;
    private final int fromBase = 1_000_000 + ThreadLocalRandom.current().nextInt(7_000_000);
    private final AtomicInteger nextFrom = new AtomicInteger();
    private String workspaceSid;
    private String number;

    ContactCenter(LocalSuite suite) {
        this.suite = suite;
        this.twilio = TwilioClients.forBaseUrl(suite.url("task-router"), suite.routerAccountSid,
                suite.routerAuthToken);
        this.webhookUrl = suite.url("channel-gateway") + "/twilio/messaging/inbound";
    }

    /** Creates the workspace with {@code workers} available workers and maps a fresh number to its workflow. */
    void setUp(int workers) throws IOException, InterruptedException {
        Workspace workspace = Workspace.creator("Bench " + UUID.randomUUID()).create(twilio);
        workspaceSid = workspace.getSid();
        Activity available = Activity.creator(workspaceSid, "On shift").setAvailable(true).create(twilio);
        TaskQueue queue = TaskQueue.creator(workspaceSid, "Everyone").setTargetWorkers("1==1").create(twilio);
        Workflow workflow = Workflow.creator(workspaceSid, "Bench", "{\"task_routing\":{\"default_filter\":"
                + "{\"queue\":\"" + queue.getSid() + "\"}}}").create(twilio);
        for (int i = 0; i < workers; i++) {
            Worker.creator(workspaceSid, "bench-agent-" + i).setActivitySid(available.getSid()).create(twilio);
        }
        number = "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        HttpResponse<String> mapped = http.send(HttpRequest.newBuilder(URI.create(suite.url("channel-gateway")
                + "/v1/numbers/" + URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + suite.token("admin", null))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"workspace_sid\":\"" + workspaceSid
                        + "\",\"workflow_sid\":\"" + workflow.getSid() + "\",\"region\":\"local\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (mapped.statusCode() != 200 && mapped.statusCode() != 201) {
            throw new IllegalStateException("mapping the number failed: " + mapped.statusCode() + " "
                    + mapped.body());
        }
    }

    String workspaceSid() {
        return workspaceSid;
    }

    /** Sends one signed inbound SMS to the mapped number and waits for the answer. */
    HttpResponse<String> sendSms() throws IOException, InterruptedException {
        return http.send(smsRequest(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends one signed inbound SMS without waiting, so a slow answer does not slow the offered rate. */
    CompletableFuture<HttpResponse<String>> sendSmsAsync() {
        return http.sendAsync(smsRequest(), HttpResponse.BodyHandlers.ofString());
    }

    /** Ends a reserved task so its worker's capacity comes back: agents free up as the benchmark goes on. */
    void cancelTask(String taskSid) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Task.updater(workspaceSid, taskSid).setAssignmentStatus(Task.Status.CANCELED).setReason("bench")
                        .update(twilio);
                return;
            } catch (RuntimeException e) {
                // "changed concurrently; retry": the reservation is still being written
                last = e;
            }
        }
        throw last;
    }

    private HttpRequest smsRequest() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("AccountSid", "AC" + "0".repeat(32));
        form.put("From", "+1555" + (fromBase + nextFrom.getAndIncrement()));
        form.put("To", number);
        form.put("Body", "Where is my order?");
        form.put("NumMedia", "0");
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(webhookUrl))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", suite.signer().sign(webhookUrl, form))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
