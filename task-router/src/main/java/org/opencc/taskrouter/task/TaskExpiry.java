package org.opencc.taskrouter.task;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.opencc.taskrouter.persistence.DueWork;

/**
 * Cancels tasks that waited longer than their {@code Timeout} (seconds since creation) without being assigned, as
 * TaskRouter's task TTL does: a pending or reserved task is canceled with the reason "Task TTL Exceeded"; an
 * assigned or wrapping task is never expired. Each run claims due tasks with {@code FOR UPDATE SKIP LOCKED}, so
 * several replicas share the work without doing any twice.
 */
@ApplicationScoped
public class TaskExpiry {
    private static final Logger LOG = Logger.getLogger(TaskExpiry.class);
    private final TaskRepository tasks;
    private final TaskService service;
    private final Clock clock;

    public TaskExpiry(TaskRepository tasks, TaskService service, Clock clock) {
        this.tasks = tasks;
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(every = "${cc.router.expiry-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDue() {
        DueWork.run(LOG, "task expiry", "canceled %d tasks whose timeout passed",
                () -> tasks.claimExpired(clock.instant(), 100), service::expire);
    }
}
