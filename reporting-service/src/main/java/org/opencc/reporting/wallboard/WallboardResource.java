package org.opencc.reporting.wallboard;

import io.quarkus.runtime.Startup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.opencc.reporting.config.ReportingConfig;
import org.opencc.support.security.Roles;

/**
 * {@code GET /v1/wallboard/settings}: the targets and interval grid the wallboard page ({@code /wallboard/}) draws
 * against. The page itself is static (no data in it); everything it shows comes from the authenticated APIs.
 */
@Path("/v1/wallboard/settings")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Startup
public class WallboardResource {
    private final WallboardSettings settings;

    public WallboardResource(ReportingConfig config) {
        ReportingConfig.Wallboard wallboard = config.wallboard();
        double target = wallboard.serviceLevelTarget();
        if (!(target >= 0 && target <= 100)) {
            throw new IllegalStateException("cc.reporting.wallboard.service-level-target must be a percentage"
                    + " from 0 to 100, not " + target);
        }
        Duration span = wallboard.chartSpan();
        if (span.compareTo(Duration.ofHours(1)) < 0 || span.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalStateException("cc.reporting.wallboard.chart-span must be from 1h to 24h, not " + span);
        }
        Map<String, Long> queues = new TreeMap<>();
        config.serviceLevel().forEach((queue, threshold) -> queues.put(queue, threshold.toSeconds()));
        this.settings = new WallboardSettings(target, config.serviceLevelDefault().toSeconds(), Map.copyOf(queues),
                config.interval().toSeconds(), span.toSeconds());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WallboardSettings settings() {
        return settings;
    }
}
