package org.opencc.testsupport.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CRM for demos and tests, on loopback: {@code GET /customers/{customerKey}} answers a profile derived from the
 * key alone (a fake name, never personal data), 404 for keys starting with {@code ck_unknown}. Its latency, error
 * rate and body garbling are adjustable at run time, from code or with {@code PUT /control}, so slow and broken
 * CRMs can be shown and tested. {@code ./suite up} runs it on port 8090 through {@link #main}.
 */
public final class DemoCrm implements AutoCloseable {
    /** Keys with this prefix are unknown customers (404). */
    public static final String UNKNOWN_PREFIX = "ck_unknown";
    private static final String CUSTOMERS = "/customers/";
    private static final String[] TIERS = {"gold", "silver", "bronze"};
    private static final LocalDate FIRST_CUSTOMER = LocalDate.of(2019, 1, 1);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong customerRequests = new AtomicLong();
    private volatile long latencyMs;
    private volatile double errorRate;
    private volatile boolean garbage;

    /** Starts listening on 127.0.0.1:{@code port}; 0 picks a free port. */
    public DemoCrm(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        // one thread per request, so an adjusted latency delays each request rather than queueing them all
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "demo-crm");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Delay before each customer answer. */
    public void setLatency(Duration latency) {
        latencyMs = Math.max(0, latency.toMillis());
    }

    /** Fraction (0..1) of customer requests answered 500. */
    public void setErrorRate(double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("error rate must be within 0..1: " + rate);
        }
        errorRate = rate;
    }

    /** Whether customer requests get 200 with a body that is not JSON. */
    public void setGarbage(boolean garbage) {
        this.garbage = garbage;
    }

    /** Back to a fast, healthy CRM. */
    public void reset() {
        latencyMs = 0;
        errorRate = 0.0;
        garbage = false;
    }

    /** Requests received, of any kind. */
    public long requests() {
        return requests.get();
    }

    /** The profile the CRM answers for a known key. */
    public static ObjectNode profile(String customerKey) {
        byte[] hash = sha256(customerKey);
        ObjectNode profile = new ObjectMapper().createObjectNode();
        profile.put("customer_key", customerKey);
        profile.put("display_name", "Customer " + HexFormat.of().formatHex(hash, 0, 2));
        profile.put("tier", TIERS[Byte.toUnsignedInt(hash[2]) % TIERS.length]);
        profile.put("open_orders", Byte.toUnsignedInt(hash[3]) % 5);
        int days = ((Byte.toUnsignedInt(hash[4]) << 8) | Byte.toUnsignedInt(hash[5])) % 2000;
        profile.put("customer_since", FIRST_CUSTOMER.plusDays(days).toString());
        return profile;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/control")) {
                control(exchange, method);
            } else if (path.startsWith(CUSTOMERS) && path.length() > CUSTOMERS.length()) {
                if (!method.equals("GET")) {
                    send(exchange, 405, "{\"error\":\"method_not_allowed\"}");
                    return;
                }
                customer(exchange, URLDecoder.decode(path.substring(CUSTOMERS.length()), StandardCharsets.UTF_8));
            } else {
                send(exchange, 404, "{\"error\":\"no_such_path\"}");
            }
        } finally {
            exchange.close();
        }
    }

    private void customer(HttpExchange exchange, String customerKey) throws IOException {
        long n = customerRequests.incrementAndGet();
        long delay = latencyMs;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // exactly the configured fraction of requests fails: request n fails when floor(n·rate) steps up
        double rate = errorRate;
        if ((long) Math.floor(n * rate) > (long) Math.floor((n - 1) * rate)) {
            send(exchange, 500, "{\"error\":\"internal\",\"message\":\"demo CRM failure\"}");
        } else if (garbage) {
            send(exchange, 200, "<html><body>CRM maintenance in progress", "text/html");
        } else if (customerKey.startsWith(UNKNOWN_PREFIX)) {
            send(exchange, 404, "{\"error\":\"not_found\"}");
        } else {
            send(exchange, 200, json.writeValueAsString(profile(customerKey)));
        }
    }

    private void control(HttpExchange exchange, String method) throws IOException {
        if (method.equals("PUT") || method.equals("POST")) {
            JsonNode body;
            try {
                body = json.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                send(exchange, 400, "{\"error\":\"body is not JSON\"}");
                return;
            }
            if (body == null || !body.isObject()) {
                send(exchange, 400, "{\"error\":\"body must be a JSON object\"}");
                return;
            }
            try {
                if (body.has("latency_ms")) {
                    setLatency(Duration.ofMillis(body.get("latency_ms").asLong()));
                }
                if (body.has("error_rate")) {
                    setErrorRate(body.get("error_rate").asDouble());
                }
                if (body.has("garbage")) {
                    setGarbage(body.get("garbage").asBoolean());
                }
            } catch (IllegalArgumentException e) {
                send(exchange, 400, json.writeValueAsString(json.createObjectNode().put("error", e.getMessage())));
                return;
            }
        } else if (!method.equals("GET")) {
            send(exchange, 405, "{\"error\":\"method_not_allowed\"}");
            return;
        }
        ObjectNode state = json.createObjectNode();
        state.put("latency_ms", latencyMs);
        state.put("error_rate", errorRate);
        state.put("garbage", garbage);
        state.put("requests", requests.get());
        send(exchange, 200, json.writeValueAsString(state));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body, "application/json");
    }

    private static void send(HttpExchange exchange, int status, String body, String contentType)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Runs the demo CRM until the JVM is stopped: {@code DemoCrm [--port 8090]}. */
    public static void main(String[] args) throws InterruptedException {
        int port = 8090;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: DemoCrm [--port PORT]");
                System.exit(2);
            }
        }
        DemoCrm crm = new DemoCrm(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            crm.close();
            stopped.countDown();
        }, "demo-crm-stop"));
        System.out.println("demo CRM listening on " + crm.baseUrl()
                + " (GET /customers/{key}; GET|PUT /control {\"latency_ms\",\"error_rate\",\"garbage\"})");
        stopped.await();
    }
}
