package org.opencc.taskrouter.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencc.taskrouter.api.Json;
import org.opencc.taskrouter.api.Urls;
import org.opencc.taskrouter.persistence.Db;

/** Reads the decision records {@link Dispatcher} writes. */
@ApplicationScoped
public class RoutingDecisions {
    private final Db db;

    public RoutingDecisions(Db db) {
        this.db = db;
    }

    public List<Map<String, Object>> forTask(String taskSid) {
        return db.list("SELECT * FROM routing_decision WHERE task_sid = ? ORDER BY id", rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("decided_at", Urls.date(Db.instant(rs, "decided_at")));
            m.put("workflow_sid", rs.getString("workflow_sid"));
            m.put("workflow_version", Urls.date(Db.instant(rs, "workflow_version")));
            m.put("matched_filter", rs.getString("matched_filter"));
            m.put("task_queue_sid", rs.getString("task_queue_sid"));
            m.put("chosen_worker_sid", rs.getString("chosen_worker_sid"));
            m.putAll(Json.attributes(rs.getString("detail")));
            return m;
        }, taskSid);
    }
}
