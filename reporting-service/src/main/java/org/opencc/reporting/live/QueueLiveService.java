package org.opencc.reporting.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Serves the live per-queue view; "now" for waiting times comes from the injected {@link Clock}. */
@ApplicationScoped
public class QueueLiveService {
    private final QueueLiveRepository repository;
    private final Clock clock;

    public QueueLiveService(QueueLiveRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The view now, of one workspace or (null) of all. Blocking: call from a worker thread. */
    public LiveSnapshot snapshot(String workspaceSid) {
        return repository.snapshot(workspaceSid, clock.instant());
    }

    /** The current {@code live_version}. Blocking: call from a worker thread. */
    public long version() {
        return repository.version();
    }
}
