package org.opencc.taskrouter.reservation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.opencc.taskrouter.persistence.DueWork;

/**
 * Moves tasks on from reservations nobody answered in time. Each run claims expired reservations with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas share the work without doing any twice.
 */
@ApplicationScoped
public class ReservationExpiry {
    private static final Logger LOG = Logger.getLogger(ReservationExpiry.class);
    private final ReservationRepository reservations;
    private final ReservationService service;
    private final Clock clock;

    public ReservationExpiry(ReservationRepository reservations, ReservationService service, Clock clock) {
        this.reservations = reservations;
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(every = "${cc.router.expiry-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDue() {
        DueWork.run(LOG, "reservation expiry", "timed out %d reservations",
                () -> reservations.claimExpired(clock.instant(), 100), service::expire);
    }
}
