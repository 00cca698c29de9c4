package org.opencc.taskrouter.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

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
        try {
            int expired = QuarkusTransaction.requiringNew().call(() -> {
                List<Task> due = tasks.claimExpired(clock.instant(), 100);
                due.forEach(service::expire);
                return due.size();
            });
            if (expired > 0) {
                LOG.debugf("canceled %d tasks whose timeout passed", expired);
            }
        } catch (RuntimeException e) {
            LOG.warnf("task expiry failed, will retry: %s", e.getMessage());
        }
    }
}
