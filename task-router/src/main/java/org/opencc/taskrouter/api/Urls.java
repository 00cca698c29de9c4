package org.opencc.taskrouter.api;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.opencc.taskrouter.config.RouterConfig;

/** Absolute URLs of resources, on the public base URL, and TaskRouter's date format. */
@ApplicationScoped
public class Urls {
    private final Optional<String> configured;
    private final CurrentVertxRequest request;

    public Urls(RouterConfig config, CurrentVertxRequest request) {
        this.configured = config.publicBaseUrl().filter(url -> !url.isBlank())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.request = request;
    }

    /** {@code base + /v1/Workspaces + path}. */
    public String workspaces(String path) {
        return base() + TwilioErrorRenderer.TASKROUTER_PREFIX + path;
    }

    private String base() {
        if (configured.isPresent()) {
            return configured.get();
        }
        HttpServerRequest current = request.getCurrent().request();
        return current.scheme() + "://" + current.authority();
    }

    /** ISO-8601 in UTC with seconds, as TaskRouter returns dates. */
    public static String date(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
