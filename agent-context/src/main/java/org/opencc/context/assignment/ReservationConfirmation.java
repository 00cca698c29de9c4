package org.opencc.context.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.opencc.context.config.ContextConfig;

/**
 * Asks task-router whether a worker holds a live reservation of a task, when the reservation view (folded from
 * {@code cc.tasks.v1}) says no: the view may lag behind a reservation just offered, e.g. the second agent's after the
 * first rejected. The agent's own token is passed on, so task-router checks it too and the question can only be
 * about the caller's own worker ({@code GET /v1/Workspaces/{ws}/Workers/{worker}/Reservations?ReservationStatus=}
 * {@code pending} and {@code accepted}). Any failure keeps the view's answer: a refusal.
 */
@ApplicationScoped
public class ReservationConfirmation {
    private static final Logger LOG = Logger.getLogger(ReservationConfirmation.class);
    private static final List<String> LIVE = List.of("pending", "accepted");

    private final Optional<String> routerUrl;
    private final ContextConfig.Router config;
    private final ObjectMapper json;
    private final HttpClient http;

    public ReservationConfirmation(ContextConfig config, ObjectMapper json) {
        this.config = config.router();
        this.routerUrl = this.config.url().map(url -> url.replaceAll("/+$", "")).filter(url -> !url.isBlank());
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.config.timeout()).build();
    }

    /** Whether task-router says a pending or accepted reservation of the task names the worker. */
    public boolean confirms(TaskView task, String workerSid, String bearerToken) {
        if (routerUrl.isEmpty() || bearerToken == null || task.workspaceSid() == null) {
            return false;
        }
        for (String status : LIVE) {
            URI uri = URI.create(routerUrl.get() + "/v1/Workspaces/" + encode(task.workspaceSid()) + "/Workers/"
                    + encode(workerSid) + "/Reservations?PageSize=100&ReservationStatus=" + status);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(config.timeout())
                        .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json")
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    LOG.warnf("task-router answered %d when confirming a reservation of task %s; the view decides",
                            response.statusCode(), task.taskSid());
                    return false;
                }
                for (JsonNode reservation : json.readTree(response.body()).path("reservations")) {
                    if (task.taskSid().equals(reservation.path("task_sid").asText())) {
                        return true;
                    }
                }
            } catch (IOException e) {
                LOG.warnf("cannot confirm a reservation of task %s with task-router (%s); the view decides",
                        task.taskSid(), e.toString());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
