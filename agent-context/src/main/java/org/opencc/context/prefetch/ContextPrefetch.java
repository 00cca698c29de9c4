package org.opencc.context.prefetch;

import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.opencc.context.assignment.AssignmentRepository;
import org.opencc.context.assignment.ReservationEnded;
import org.opencc.context.assignment.ReservationOpened;
import org.opencc.context.assignment.TaskView;
import org.opencc.context.crm.CrmFanOut;

/**
 * Fetches a task's context as soon as a reservation offers the task to an agent, so the desktop's read is served
 * from the cache; forgets it when the reservation ends. Acts only after the consumer's transaction committed, and
 * fetches on its own threads so the consumer never waits for a CRM.
 */
@ApplicationScoped
public class ContextPrefetch {
    private static final Logger LOG = Logger.getLogger(ContextPrefetch.class);
    /** Prefetches waiting beyond this are dropped (the read then asks the CRMs itself). */
    private static final int BACKLOG = 1000;

    private final AssignmentRepository assignments;
    private final CrmFanOut crm;
    private final ExecutorService executor;

    public ContextPrefetch(AssignmentRepository assignments, CrmFanOut crm) {
        this.assignments = assignments;
        this.crm = crm;
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(BACKLOG), runnable -> {
                    Thread thread = new Thread(runnable, "context-prefetch-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (runnable, full) -> LOG.warn("prefetch backlog full: a prefetch was dropped"));
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    void onReservationOpened(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReservationOpened opened) {
        // the CRM spans join the consumer's trace
        executor.execute(Context.current().wrap(() -> prefetch(opened.taskSid())));
    }

    void onReservationEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReservationEnded ended) {
        crm.forget(ended.taskSid());
    }

    private void prefetch(String taskSid) {
        try {
            TaskView task = assignments.findTask(taskSid).orElse(null);
            if (task == null || !"open".equals(task.status())) {
                return;
            }
            // the calls run on the HTTP client's threads; an answer arriving after the reservation ended is dropped
            crm.prefetch(task.subject(), () -> assignments.hasLiveReservation(taskSid));
        } catch (RuntimeException e) {
            LOG.warnf("prefetch of task %s failed: %s", taskSid, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
