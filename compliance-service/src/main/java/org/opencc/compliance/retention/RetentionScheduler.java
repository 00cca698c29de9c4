package org.opencc.compliance.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs retention every {@code cc.compliance.retention.interval} (first after {@code …delay}) unless
 * {@code cc.compliance.retention.enabled} is false. Every replica ticks; the one that claims the run slot first
 * runs it ({@link RetentionPurges#runScheduled}).
 */
@ApplicationScoped
public class RetentionScheduler {
    private static final Logger LOG = Logger.getLogger(RetentionScheduler.class);
    private final RetentionPurges purges;
    private final Clock clock;
    private final boolean enabled;
    private final Duration interval;

    public RetentionScheduler(RetentionPurges purges, Clock clock, RetentionConfig config) {
        this.purges = purges;
        this.clock = clock;
        this.enabled = config.enabled();
        this.interval = config.interval();
        if (!enabled) {
            LOG.warn("retention is disabled (cc.compliance.retention.enabled=false): nothing is purged by age");
        }
    }

    @Scheduled(identity = "retention", every = "${cc.compliance.retention.interval}",
            delayed = "${cc.compliance.retention.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (enabled) {
            purges.runScheduled(clock.instant(), interval);
        }
    }
}
