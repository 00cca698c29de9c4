package org.opencc.taskrouter.reservation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

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
        try {
            int expired = QuarkusTransaction.requiringNew().call(() -> {
                List<Reservation> due = reservations.claimExpired(clock.instant(), 100);
                due.forEach(service::expire);
                return due.size();
            });
            if (expired > 0) {
                LOG.debugf("timed out %d reservations", expired);
            }
        } catch (RuntimeException e) {
            LOG.warnf("reservation expiry failed, will retry: %s", e.getMessage());
        }
    }
}
