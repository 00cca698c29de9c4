package org.opencc.bench;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.taskrouter.v1.Workspace;
import com.twilio.rest.taskrouter.v1.workspace.Activity;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.TaskQueue;
import com.twilio.rest.taskrouter.v1.workspace.Worker;
import com.twilio.rest.taskrouter.v1.workspace.Workflow;
import com.twilio.rest.taskrouter.v1.workspace.worker.WorkerChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencc.testsupport.process.LocalSuite;
import org.opencc.testsupport.twilio.TwilioClients;

/**
 * Routing at scale through task-router's TaskRouter API: a workspace of N workers spread over 100 queues and a
 * 5-filter workflow whose targets narrow each queue to the task's team. A task is routed inside its create
 * request, so the create's latency is creation-to-reservation. Measures (1) sustained tasks created and reserved
 * per second with 8 concurrent clients, (2) p50/p99 creation-to-reservation at a fixed 200 tasks/s, and (3) the
 * same latency with 1,000 workers, to show the cost per task does not grow with the number of workers.
 */
final class RoutingBench implements Benchmark {
    static final String NAME = "routing";
    private static final int QUEUES = 100;
    private static final int FILTERS = 5;

    private final BenchOptions options;

    RoutingBench(BenchOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Map<String, Result> earlier) throws Exception {
        // The target is 10,000 workers; setting up that many through the API and routing 5,000 tasks
        // does not finish within 20 minutes on 2 cores yet (routing runs inside each create request, under the
        // workspace lock), so the full run measures 2,000 against 200 until dispatch leaves the request path.
        int bigWorkers = options.quick() ? 1_000 : 2_000;
        int smallWorkers = options.quick() ? 100 : 200;
        int burst = options.quick() ? 300 : 1_000;
        int paced = options.quick() ? 200 : 600;
        Path root = options.root();
        try (ServiceSnapshot services = ServiceSnapshot.copy(root, List.of("task-router"));
                LocalSuite suite = LocalSuite.start(services.root(), "bench", List.of("task-router"))) {
            TwilioRestClient client = TwilioClients.forBaseUrl(suite.url("task-router"), suite.routerAccountSid,
                    suite.routerAuthToken);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                // the small workspace takes the warm-up and its own paced run: enough capacity for both
                Setup small = setUp(client, pool, smallWorkers, 10);
                Setup big = setUp(client, pool, bigWorkers, 1);
                warmUp(client, small, 200);
                double sustained = burst(client, pool, big, burst);
                Latencies bigLatency = paced(client, big, paced, 200);
                double bigRate = lastPacedRate;
                Latencies smallLatency = paced(client, small, paced, 200);
                double kafkaP50 = earlier.containsKey(KafkaLoopbackBench.NAME)
                        ? earlier.get(KafkaLoopbackBench.NAME).metrics().get(Result.P50_MS) : Double.NaN;
                double growth = bigLatency.percentileMs(0.5) / smallLatency.percentileMs(0.5);
                String line = "BENCH " + NAME + " workers=" + bigWorkers + " queues=" + QUEUES + " filters=" + FILTERS
                        + " sustained=" + Latencies.perSecond(sustained, 0)
                        + " | offered=200/s achieved=" + Latencies.perSecond(bigRate, 0)
                        + " p50=" + Latencies.ms(bigLatency.percentileMs(0.5), 1)
                        + " p99=" + Latencies.ms(bigLatency.percentileMs(0.99), 1)
                        + " vs-kafka-p50=" + (Double.isNaN(kafkaP50) ? "n/a"
                                : String.format(java.util.Locale.ROOT, "%.1fx", bigLatency.percentileMs(0.5) / kafkaP50))
                        + " | workers=" + smallWorkers + " p50=" + Latencies.ms(smallLatency.percentileMs(0.5), 1)
                        + " growth-" + smallWorkers + "-to-" + bigWorkers + "="
                        + String.format(java.util.Locale.ROOT, "%.2fx", growth);
                return new Result(NAME, line, Map.of(Result.P50_MS, bigLatency.percentileMs(0.5),
                        "sustained_per_s", sustained));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A workspace: workers spread over teams and queues, a 5-filter workflow, all workers available. */
    private record Setup(String workspaceSid, String workflowSid) {}

    private static Setup setUp(TwilioRestClient client, ExecutorService pool, int workers, int capacity)
            throws Exception {
        String ws = Workspace.creator("Routing bench " + UUID.randomUUID()).create(client).getSid();
        String available = Activity.reader(ws).setFriendlyName("Available").read(client).iterator().next().getSid();
        List<String> queues = new ArrayList<>();
        for (int q = 0; q < QUEUES; q++) {
            // queue q takes the workers of bucket q % FILTERS (the first FILTERS queues are the routed ones)
            queues.add(TaskQueue.creator(ws, "q" + q).setTargetWorkers("bucket == " + (q % FILTERS)).create(client)
                    .getSid());
        }
        StringBuilder filters = new StringBuilder();
        for (int f = 0; f < FILTERS; f++) {
            filters.append(f == 0 ? "" : ",").append("{\"filter_friendly_name\":\"bucket ").append(f)
                    .append("\",\"expression\":\"bucket == ").append(f).append("\",\"targets\":[{\"queue\":\"")
                    .append(queues.get(f)).append("\",\"expression\":\"team == task.team\"}]}");
        }
        String workflow = Workflow.creator(ws, "Teams", "{\"task_routing\":{\"filters\":[" + filters + "]}}")
                .create(client).getSid();
        List<Future<?>> created = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int team = i % QUEUES;
            String name = "agent-" + i;
            created.add(pool.submit(() -> {
                String sid = Worker.creator(ws, name).setActivitySid(available)
                        .setAttributes("{\"team\":" + team + ",\"bucket\":" + (team % FILTERS) + "}").create(client)
                        .getSid();
                if (capacity > 1) {
                    WorkerChannel.updater(ws, sid, "default").setCapacity(capacity).update(client);
                }
                return sid;
            }));
        }
        for (Future<?> f : created) {
            f.get(10, TimeUnit.MINUTES);
        }
        return new Setup(ws, workflow);
    }

    private static Task create(TwilioRestClient client, Setup setup, int team) {
        return Task.creator(setup.workspaceSid()).setWorkflowSid(setup.workflowSid())
                .setAttributes("{\"team\":" + team + ",\"bucket\":" + (team % FILTERS) + "}").create(client);
    }

    private static void warmUp(TwilioRestClient client, Setup setup, int tasks) {
        for (int i = 0; i < tasks; i++) {
            create(client, setup, i % QUEUES);
        }
    }

    /** Tasks created and reserved per second with 8 clients creating as fast as they are answered. */
    private static double burst(TwilioRestClient client, ExecutorService pool, Setup setup, int tasks)
            throws Exception {
        AtomicInteger reserved = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int team = i % QUEUES;
            futures.add(pool.submit(() -> {
                if (create(client, setup, team).getAssignmentStatus() == Task.Status.RESERVED) {
                    reserved.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        long elapsed = System.nanoTime() - start;
        if (reserved.get() < tasks * 9 / 10) {
            throw new IllegalStateException("only " + reserved.get() + " of " + tasks + " tasks were reserved");
        }
        return Latencies.rate(reserved.get(), elapsed);
    }

    /**
     * Creation-to-reservation latency offered at a fixed rate by one client (a create answered late delays the
     * next: {@link #lastPacedRate} says what rate was achieved).
     */
    private double lastPacedRate;

    private Latencies paced(TwilioRestClient client, Setup setup, int tasks, double rate) throws Exception {
        Latencies latencies = new Latencies(tasks);
        Pacer pacer = new Pacer(rate);
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            pacer.awaitSlot(i);
            long sent = System.nanoTime();
            Task task = create(client, setup, i % QUEUES);
            if (task.getAssignmentStatus() == Task.Status.RESERVED) {
                latencies.add(System.nanoTime() - sent);
            }
        }
        if (latencies.count() < tasks * 9 / 10) {
            throw new IllegalStateException("only " + latencies.count() + " of " + tasks + " paced tasks were reserved");
        }
        lastPacedRate = Latencies.rate(tasks, System.nanoTime() - start);
        return latencies;
    }
}
