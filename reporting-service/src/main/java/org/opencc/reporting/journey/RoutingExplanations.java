package org.opencc.reporting.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches task-router's routing explanation of a task ({@code GET /v1/Workspaces/{WS}/Tasks/{WT}/Explanation}: the
 * workflow version, each filter tried and whether it matched, the workers considered and why each was excluded)
 * with the journey reader's own token, so a journey shows why a task went where it went. task-router unreachable or
 * refusing gives an explanation that says so, never a failed journey.
 */
@ApplicationScoped
public class RoutingExplanations {
    private final Optional<String> routerUrl;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    public RoutingExplanations(@ConfigProperty(name = "cc.journeys.router-url") Optional<String> routerUrl,
            @ConfigProperty(name = "cc.journeys.router-timeout", defaultValue = "2s") Duration timeout,
            ObjectMapper json) {
        this.routerUrl = routerUrl.map(url -> url.replaceAll("/+$", "")).filter(url -> !url.isBlank());
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * One task's explanation as a journey shows it.
     *
     * @param status {@code ok}, {@code unavailable} (no task-router configured, unreachable, or an error answer) or
     *     {@code refused} (task-router refused the reader's token)
     * @param explanation task-router's answer when {@code ok}
     * @param detail why it is not there otherwise
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Explained(String taskSid, String status, JsonNode explanation, String detail) {}

    /** The explanation of one task, asked with {@code bearerToken}. */
    public Explained explain(String workspaceSid, String taskSid, String bearerToken) {
        if (routerUrl.isEmpty()) {
            return new Explained(taskSid, "unavailable", null, "no task-router URL is configured"
                    + " (cc.journeys.router-url, ROUTER_URL)");
        }
        if (workspaceSid == null || bearerToken == null) {
            return new Explained(taskSid, "unavailable", null, "the task's workspace or the reader's token is unknown");
        }
        URI uri = URI.create(routerUrl.get() + "/v1/Workspaces/" + encode(workspaceSid) + "/Tasks/" + encode(taskSid)
                + "/Explanation");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return new Explained(taskSid, "ok", json.readTree(response.body()), null);
            }
            String status = response.statusCode() == 401 || response.statusCode() == 403 ? "refused" : "unavailable";
            return new Explained(taskSid, status, null, "task-router answered " + response.statusCode());
        } catch (IOException e) {
            return new Explained(taskSid, "unavailable", null, "task-router did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Explained(taskSid, "unavailable", null, "interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
