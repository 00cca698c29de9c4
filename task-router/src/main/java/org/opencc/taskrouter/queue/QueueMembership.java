package org.opencc.taskrouter.queue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.opencc.routing.expression.Expression;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.persistence.Db;

/**
 * Keeps {@code worker_queue}: which queues' {@code target_workers} select which workers. Refreshed for a worker
 * when it is created or its attributes change, and for a queue when it is created or its expression changes;
 * rebuilt at start when the table is empty but workers exist (an upgrade).
 */
@ApplicationScoped
public class QueueMembership {
    private static final Logger LOG = Logger.getLogger(QueueMembership.class);
    private final Db db;

    public QueueMembership(Db db) {
        this.db = db;
    }

    /** The worker's queues now; call inside the transaction that changed the worker. */
    public List<String> refreshWorker(String workspaceSid, String workerSid, String attributesJson) {
        Map<String, Object> scope = scope(attributesJson);
        List<String> selecting = db.list("SELECT sid, target_workers FROM task_queue WHERE workspace_sid = ?"
                + " ORDER BY date_created, sid", rs -> new String[] {rs.getString(1), rs.getString(2)}, workspaceSid)
                .stream().filter(q -> Expression.parse(q[1]).matches(scope)).map(q -> q[0]).toList();
        db.update("DELETE FROM worker_queue WHERE worker_sid = ?", workerSid);
        for (String queueSid : selecting) {
            db.update("INSERT INTO worker_queue (task_queue_sid, worker_sid) VALUES (?, ?)", queueSid, workerSid);
        }
        return selecting;
    }

    /** Re-evaluates the queue's expression for every worker of its workspace. */
    public void refreshQueue(String workspaceSid, String queueSid, String targetWorkers) {
        Expression expression = Expression.parse(targetWorkers);
        db.update("DELETE FROM worker_queue WHERE task_queue_sid = ?", queueSid);
        db.list("SELECT sid, attributes FROM worker WHERE workspace_sid = ?", rs -> new String[] {rs.getString(1),
                rs.getString(2)}, workspaceSid).forEach(worker -> {
                    if (expression.matches(scope(worker[1]))) {
                        db.update("INSERT INTO worker_queue (task_queue_sid, worker_sid) VALUES (?, ?)", queueSid,
                                worker[0]);
                    }
                });
    }

    void rebuildIfEmpty(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (db.count("SELECT count(*) FROM worker_queue") > 0 || db.count("SELECT count(*) FROM worker") == 0) {
                return;
            }
            db.lock("queue-membership-rebuild");
            List<String[]> queues = db.list("SELECT workspace_sid, sid, target_workers FROM task_queue",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            queues.forEach(q -> refreshQueue(q[0], q[1], q[2]));
            LOG.infof("rebuilt queue membership of %d queues", queues.size());
        });
    }

    /** Worker attributes at the top level and under {@code worker}, as queue expressions see them. */
    private static Map<String, Object> scope(String attributesJson) {
        Map<String, Object> attributes = Json.attributes(attributesJson);
        Map<String, Object> scope = new HashMap<>(attributes);
        scope.put("worker", attributes);
        return scope;
    }
}
