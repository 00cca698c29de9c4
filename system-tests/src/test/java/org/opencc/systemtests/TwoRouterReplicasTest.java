package org.opencc.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.process.LocalSuite;
import org.opencc.testsupport.process.ServiceProcess;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * Two task-router processes on one database and Kafka, driven at once through the Twilio SDK: capacity and
 * exclusivity hold because they live in PostgreSQL's conditional updates, not in either process's memory.
 */
class TwoRouterReplicasTest {
    private static final int WORKERS = 500;
    private static final int TASKS = 2_000;
    private static final List<String> CHANNELS = List.of("voice", "chat", "sms");
    private static final String DATABASE = "taskrouter_replicas";
    private static LocalSuite suite;
    private static ServiceProcess second;

    @BeforeAll
    static void startTwoRouters() throws Exception {
        suite = LocalSuite.start(Path.of(System.getProperty("cc.repository.root", "..")), "replicas",
                List.of("task-router"));
        second = suite.startReplica("task-router");
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void twoThousandTasksOnTwoReplicasNeverOverfillAWorkerNorDoubleReserveNorLoseATask() throws Exception {
        List<TwilioRestClient> routers = List.of(
                TwilioClients.forBaseUrl(suite.url("task-router"), suite.routerAccountSid, suite.routerAuthToken),
                TwilioClients.forBaseUrl(second.baseUrl(), suite.routerAccountSid, suite.routerAuthToken));
        TwilioRestClient admin = routers.get(0);
        Workspace workspace = Workspace.creator("Replicas " + UUID.randomUUID()).create(admin);
        String ws = workspace.getSid();
        Activity available = Activity.reader(ws).setFriendlyName("Available").read(admin).iterator().next();
        TaskQueue queue = TaskQueue.creator(ws, "Everyone").setTargetWorkers("1==1").create(admin);
        Workflow workflow = Workflow.creator(ws, "All", "{\"task_routing\":{\"default_filter\":{\"queue\":\""
                + queue.getSid() + "\"}}}").create(admin);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> workers = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                TwilioRestClient router = routers.get(i % 2);
                String name = "w" + i;
                workers.add(pool.submit(() -> Worker.creator(ws, name).setActivitySid(available.getSid())
                        .setAttributes("{\"n\":" + name.substring(1) + "}").create(router).getSid()));
            }
            for (Future<String> f : workers) {
                f.get(2, TimeUnit.MINUTES);
            }
            List<Future<String>> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                TwilioRestClient router = routers.get(i % 2);
                String channel = CHANNELS.get(i % CHANNELS.size());
                tasks.add(pool.submit(() -> Task.creator(ws).setWorkflowSid(workflow.getSid())
                        .setTaskChannel(channel).setAttributes("{\"channel\":\"" + channel + "\"}").create(router)
                        .getSid()));
            }
            Set<String> created = Collections.synchronizedSet(new HashSet<>());
            for (Future<String> f : tasks) {
                created.add(f.get(5, TimeUnit.MINUTES));
            }
            assertEquals(TASKS, created.size(), "every create answered with its own task");

            // capacity is one per channel per worker: 500 of each channel's ~667 tasks get a worker
            int expectedReserved = CHANNELS.stream().mapToInt(c -> Math.min(WORKERS, tasksOn(c))).sum();
            await().atMost(Duration.ofMinutes(2)).until(() -> count("SELECT count(*) FROM task WHERE workspace_sid = ?"
                    + " AND assignment_status = 'reserved'", ws) == expectedReserved);

            assertEquals(TASKS, count("SELECT count(*) FROM task WHERE workspace_sid = ?", ws), "no task lost");
            assertEquals(TASKS - expectedReserved, count("SELECT count(*) FROM task WHERE workspace_sid = ?"
                    + " AND assignment_status = 'pending'", ws), "the rest wait");
            assertEquals(0, count("SELECT count(*) FROM worker_channel wc JOIN worker w ON w.sid = wc.worker_sid"
                    + " WHERE w.workspace_sid = ? AND wc.assigned > wc.capacity", ws), "no worker over capacity");
            assertEquals(0, count("SELECT count(*) FROM (SELECT r.worker_sid, r.task_channel FROM reservation r"
                    + " WHERE r.workspace_sid = ? AND r.reservation_status IN ('pending', 'accepted')"
                    + " GROUP BY r.worker_sid, r.task_channel HAVING count(*) > 1) over_capacity", ws),
                    "no worker holds two live reservations on a channel of capacity 1");
            assertEquals(0, count("SELECT count(*) FROM (SELECT task_sid FROM reservation WHERE workspace_sid = ?"
                    + " AND reservation_status IN ('pending', 'accepted') GROUP BY task_sid HAVING count(*) > 1) twice",
                    ws), "no task reserved to two workers at once");
            assertEquals(expectedReserved, count("SELECT count(*) FROM reservation WHERE workspace_sid = ?"
                    + " AND reservation_status = 'pending'", ws), "one live reservation per reserved task");
            assertTrue(count("SELECT count(DISTINCT r.worker_sid) FROM reservation r WHERE r.workspace_sid = ?", ws)
                    == WORKERS, "every worker got work");
        } finally {
            pool.shutdownNow();
        }
    }

    private static int tasksOn(String channel) {
        int index = CHANNELS.indexOf(channel);
        return TASKS / CHANNELS.size() + (index < TASKS % CHANNELS.size() ? 1 : 0);
    }

    private static long count(String sql, String workspaceSid) throws Exception {
        try (Connection c = PostgresDatabase.connect(DATABASE); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, workspaceSid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
