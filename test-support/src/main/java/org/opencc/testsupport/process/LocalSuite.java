package org.opencc.testsupport.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencc.testsupport.crm.DemoCrm;
import org.opencc.testsupport.jwt.JwtMinter;
import org.opencc.testsupport.kafka.KafkaBroker;
import org.opencc.testsupport.postgres.PostgresDatabase;
import org.opencc.testsupport.twilio.TwilioWebhookSigner;

/**
 * The packaged services started as separate processes against this JVM's Kafka and the local PostgreSQL, each
 * on a free port and its own database ({@code <db>_<suffix>}), with spans written to one file per service.
 */
public final class LocalSuite implements AutoCloseable {
    /** Module, database, in start order: consumers of a topic before its producers is not required. */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("task-router", "taskrouter");
        SERVICES.put("channel-gateway", "gateway");
        SERVICES.put("agent-context", "agentcontext");
        SERVICES.put("compliance-service", "compliance");
        SERVICES.put("reporting-service", "reporting");
    }

    public final String routerAccountSid = "AC" + hex();
    public final String routerAuthToken = hex();
    public final String twilioAuthToken = hex();
    /** One pseudonym secret for the whole suite: the gateway derives customer keys with it, compliance too. */
    public final String pseudonymSecret = hex();
    /** The bearer token the services' OTLP exporters send to reporting-service's receiver. */
    public final String otlpToken = hex();
    private final Path workDir;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private DemoCrm crm;
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private Path root;

    private LocalSuite(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Starts every service found packaged under {@code root}.
     *
     * @param databaseSuffix appended to each database name, so suites of different purposes do not share data
     */
    public static LocalSuite start(Path root, String databaseSuffix, List<String> modules) throws IOException {
        return start(root, databaseSuffix, modules, Map.of());
    }

    /**
     * Starts {@code modules} as {@link #start(Path, String, List)} does, with extra environment variables for some
     * of them: a benchmark or test that needs a service configured otherwise than the suite's defaults (e.g.
     * agent-context with its own sources, through {@code QUARKUS_CONFIG_LOCATIONS}) sets them here. They are added
     * last, so they override the suite's own; replicas get them too.
     *
     * @param environment module → variables to add to that module's environment
     */
    public static LocalSuite start(Path root, String databaseSuffix, List<String> modules,
            Map<String, Map<String, String>> environment) throws IOException {
        LocalSuite suite = new LocalSuite(Files.createTempDirectory("cc-suite-"));
        try {
            suite.startAll(root, databaseSuffix, modules, environment);
            return suite;
        } catch (IOException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** Starts all five services. */
    public static LocalSuite start(Path root, String databaseSuffix) throws IOException {
        return start(root, databaseSuffix, List.copyOf(SERVICES.keySet()));
    }

    private void startAll(Path root, String suffix, List<String> modules, Map<String, Map<String, String>> extra)
            throws IOException {
        this.root = root;
        String kafka = KafkaBroker.shared().bootstrapServers();
        if (modules.contains("agent-context")) {
            crm = new DemoCrm(0);
        }
        Path publicKey = JwtMinter.shared().writePublicKey();
        for (String module : modules) {
            ports.put(module, ServiceProcess.freePort());
        }
        for (String module : modules) {
            String database = SERVICES.get(module) + "_" + suffix;
            PostgresDatabase.freshForThisJvm(database);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PG_DATABASE", database);
            env.put("PG_HOST", PostgresDatabase.host());
            env.put("PG_PORT", PostgresDatabase.port());
            env.put("PG_USER", PostgresDatabase.user());
            env.put("PG_PASSWORD", PostgresDatabase.password());
            env.put("KAFKA_BOOTSTRAP", kafka);
            env.put("ROUTER_ACCOUNT_SID", routerAccountSid);
            env.put("ROUTER_AUTH_TOKEN", routerAuthToken);
            if (ports.containsKey("task-router")) {
                env.put("ROUTER_PUBLIC_URL", "http://localhost:" + ports.get("task-router"));
                // agent-context confirms with task-router what its reservation view has not seen yet
                env.put("ROUTER_URL", "http://localhost:" + ports.get("task-router"));
            }
            env.put("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32));
            env.put("TWILIO_AUTH_TOKEN", twilioAuthToken);
            if (ports.containsKey("channel-gateway")) {
                env.put("GATEWAY_PUBLIC_URL", "http://localhost:" + ports.get("channel-gateway"));
            }
            env.put("GATEWAY_PSEUDONYM_SECRET", pseudonymSecret);
            env.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
            env.put("JWT_ISSUER", JwtMinter.DEV_ISSUER);
            env.put("CC_TRACING_FILE", spansFile(module).toString());
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
            if (ports.containsKey("reporting-service")) {
                // every service exports its spans to reporting-service's OTLP receiver, as ./suite up does
                env.put("OTLP_ENDPOINT", "http://127.0.0.1:" + ports.get("reporting-service"));
                env.put("OTLP_PROTOCOL", "http/protobuf");
                env.put("OTLP_HEADERS", "authorization=Bearer " + otlpToken);
                env.put("CC_OTLP_TOKEN", otlpToken);
            }
            if (crm != null) {
                env.put("CRM_URL", crm.baseUrl());
            }
            env.putAll(extra.getOrDefault(module, Map.of()));
            environments.put(module, env);
            running.put(module, ServiceProcess.start(root, module, ports.get(module), env, workDir.resolve("logs")));
        }
    }

    public String url(String module) {
        ServiceProcess service = running.get(module);
        if (service == null) {
            throw new IllegalArgumentException(module + " is not running in this suite");
        }
        return service.baseUrl();
    }

    /**
     * Starts one more process of a running module on its own port, with the same database, Kafka and
     * credentials: two replicas behind one service, as a Kubernetes deployment runs them.
     */
    public ServiceProcess startReplica(String module) throws IOException {
        Map<String, String> env = environments.get(module);
        if (env == null) {
            throw new IllegalArgumentException(module + " is not running in this suite");
        }
        Map<String, String> replicaEnv = new LinkedHashMap<>(env);
        replicaEnv.put("CC_TRACING_FILE", workDir.resolve("spans-" + module + "-" + replicas.size() + ".jsonl")
                .toString());
        ServiceProcess replica = ServiceProcess.start(root, module, ServiceProcess.freePort(), replicaEnv,
                workDir.resolve("logs-replica-" + replicas.size()));
        replicas.add(replica);
        return replica;
    }

    public ServiceProcess service(String module) {
        return running.get(module);
    }

    /** The PostgreSQL database a running module uses. */
    public String database(String module) {
        return environments.get(module).get("PG_DATABASE");
    }

    /** The modules this suite runs. */
    public java.util.Set<String> modules() {
        return java.util.Set.copyOf(running.keySet());
    }

    /** The demo CRM agent-context calls (null when agent-context is not part of this suite). */
    public DemoCrm crm() {
        return crm;
    }

    /** The JSON-lines file a service writes its finished spans to. */
    public Path spansFile(String module) {
        return workDir.resolve("spans-" + module + ".jsonl");
    }

    public TwilioWebhookSigner signer() {
        return new TwilioWebhookSigner(twilioAuthToken);
    }

    public String token(String role, String workerSid) {
        return JwtMinter.shared().token("systest-" + role, List.of(role), workerSid);
    }

    @Override
    public void close() {
        replicas.forEach(ServiceProcess::close);
        replicas.clear();
        List<ServiceProcess> reverse = new ArrayList<>(running.values());
        java.util.Collections.reverse(reverse);
        reverse.forEach(ServiceProcess::close);
        running.clear();
        if (crm != null) {
            crm.close();
            crm = null;
        }
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
