package org.opencc.launcher;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * {@code seed}: creates the demo workspace on task-router (see {@link DemoWorkspace}), maps the demo number to
 * it on channel-gateway, writes {@code .suite/demo.env} and prints a summary. Idempotent. Configuration from the
 * environment: {@code ROUTER_URL} (default http://localhost:8082), {@code GATEWAY_URL} (http://localhost:8081),
 * {@code ROUTER_ACCOUNT_SID}, {@code ROUTER_AUTH_TOKEN}, {@code DEMO_NUMBER} (+15550100).
 */
final class SeedCommand implements Command {
    @Override
    public String usage() {
        return "(configured by ROUTER_URL, GATEWAY_URL, ROUTER_ACCOUNT_SID, ROUTER_AUTH_TOKEN, DEMO_NUMBER)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (!args.isEmpty()) {
            throw LauncherException.usage("takes no arguments");
        }
        String routerUrl = Settings.env("ROUTER_URL", "http://localhost:8082");
        String gatewayUrl = Settings.env("GATEWAY_URL", "http://localhost:8081");
        String number = Settings.env("DEMO_NUMBER", "+15550100");
        String sid = Settings.required("ROUTER_ACCOUNT_SID");
        String token = Settings.required("ROUTER_AUTH_TOKEN");

        DemoWorkspace.Sids sids;
        try {
            sids = new DemoWorkspace(TwilioClients.forBaseUrl(routerUrl, sid, token)).ensure();
        } catch (ApiConnectionException e) {
            throw LauncherException.failed("task-router is not reachable at " + routerUrl + ": " + Launcher.oneLine(e));
        } catch (ApiException e) {
            throw LauncherException.failed("the demo setup on task-router at " + routerUrl + " failed: "
                    + Launcher.oneLine(e) + (e.getStatusCode() == null ? "" : " (HTTP " + e.getStatusCode() + ")"));
        }
        mapNumber(gatewayUrl, number, sids);
        Path demoEnv = writeDemoEnv(number, sids);

        System.out.println("Demo workspace  " + sids.workspace() + " (\"" + DemoWorkspace.WORKSPACE + "\")");
        System.out.println("  workflow      " + sids.workflow() + " (\"" + DemoWorkspace.WORKFLOW + "\")");
        System.out.println("  queue         " + sids.queue() + " (\"" + DemoWorkspace.QUEUE + "\", skills HAS 'support')");
        System.out.println("  workers       alice " + sids.alice() + " (Available), bob " + sids.bob() + " (Offline)");
        System.out.println("  number        " + number + " -> workspace/workflow above, region local");
        System.out.println("  written to    " + demoEnv);
        return 0;
    }

    /** {@code PUT /v1/numbers/{number}} on channel-gateway, as admin. */
    private static void mapNumber(String gatewayUrl, String number, DemoWorkspace.Sids sids) throws Exception {
        URI uri = URI.create(trimSlash(gatewayUrl) + "/v1/numbers/" + URLEncoder.encode(number, StandardCharsets.UTF_8));
        String body = "{\"workspace_sid\":\"" + sids.workspace() + "\",\"workflow_sid\":\"" + sids.workflow()
                + "\",\"region\":\"local\"}";
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TokenCommand.mint("admin", null))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw LauncherException.failed("channel-gateway is not reachable at " + gatewayUrl);
        } catch (IOException e) {
            throw LauncherException.failed("PUT " + uri + " failed: " + Launcher.oneLine(e));
        }
        if (response.statusCode() / 100 != 2) {
            String detail = response.body().replaceAll("\\s+", " ").trim();
            throw LauncherException.failed("PUT " + uri + " answered " + response.statusCode()
                    + (detail.isEmpty() ? "" : ": " + abbreviate(detail, 300)));
        }
    }

    private static Path writeDemoEnv(String number, DemoWorkspace.Sids sids) throws IOException {
        Path file = Settings.stateDir().resolve("demo.env");
        Files.createDirectories(file.getParent());
        String content = "# written by ./suite up (launcher seed); sourced by ./suite\n"
                + "DEMO_WORKSPACE_SID=" + sids.workspace() + "\n"
                + "DEMO_WORKFLOW_SID=" + sids.workflow() + "\n"
                + "DEMO_QUEUE_SID=" + sids.queue() + "\n"
                + "DEMO_WORKER_ALICE=" + sids.alice() + "\n"
                + "DEMO_WORKER_BOB=" + sids.bob() + "\n"
                + "DEMO_NUMBER='" + number + "'\n";
        Files.writeString(file, content);
        return file;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
