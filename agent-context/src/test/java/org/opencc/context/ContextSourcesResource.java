package org.opencc.context;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Four CRM-like sources on one loopback server, configured as a deployment would configure its own: {@code profile}
 * (into the customer profile, with a national id), {@code orders} (records, mapped by JSON Pointer), {@code billing}
 * (required, behind a bearer secret read from a file, with a card number) and {@code scores} (slow: 1.5 s, its path
 * built from a task attribute). {@code POST /control?billing=up|down} switches billing; tests call it over HTTP
 * ({@link #control}), which works whichever class loader holds this resource. The demo CRM source is disabled.
 */
public class ContextSourcesResource implements QuarkusTestResourceLifecycleManager {
    static final String SECRET = "billing-secret-for-tests";
    static final long SCORES_LATENCY_MS = 1500;
    private static final String URL_PROPERTY = "cc.context.sources.orders.url";
    private HttpServer server;
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean billingDown;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Path secret = Files.createTempFile("billing-token", "");
            Files.writeString(secret, SECRET + "\n");
            secret.toFile().deleteOnExit();
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/profile/", exchange -> send(exchange, 200,
                    "{\"display_name\":\"Ada L.\",\"tier\":\"gold\",\"national_id\":\"123-45-6789\"}"));
            server.createContext("/orders/", exchange -> send(exchange, 200, "{\"data\":{\"orders\":[{\"id\":\"o-1\","
                    + "\"total\":12.5,\"iban\":\"DE89370400440532013000\"}]},\"meta\":{\"page\":1}}"));
            server.createContext("/billing/", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (!("Bearer " + SECRET).equals(auth)) {
                    send(exchange, 401, "{\"error\":\"unauthorized\"}");
                } else if (billingDown) {
                    send(exchange, 503, "{\"error\":\"maintenance\"}");
                } else {
                    send(exchange, 200, "{\"plan\":\"pro\",\"card_number\":\"4111111111111111\",\"balance\":10.5}");
                }
            });
            // a slow source: the answer is scheduled, not slept for, so the server's threads stay free
            server.createContext("/scores/", exchange -> delayed.schedule(() -> {
                try {
                    send(exchange, 200, "{\"score\":7}");
                } catch (IOException e) {
                    exchange.close(); // the client gave up
                }
            }, SCORES_LATENCY_MS, TimeUnit.MILLISECONDS));
            server.createContext("/control", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                billingDown = query != null && query.contains("billing=down");
                send(exchange, 200, "{}");
            });
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Map<String, String> config = new HashMap<>();
            config.put("cc.context.sources.demo-crm.enabled", "false");
            config.put("cc.context.sources.profile.url", base);
            config.put("cc.context.sources.profile.path", "/profile/{customer_key}");
            config.put("cc.context.sources.profile.into", "customer");
            config.put(URL_PROPERTY, base);
            config.put("cc.context.sources.orders.path", "/orders/{customer_key}");
            config.put("cc.context.sources.orders.map.recent", "/data/orders");
            config.put("cc.context.sources.billing.url", base);
            config.put("cc.context.sources.billing.path", "/billing/{customer_key}");
            config.put("cc.context.sources.billing.required", "true");
            config.put("cc.context.sources.billing.auth.secret-file", secret.toString());
            config.put("cc.context.sources.billing.auth.scheme", "Bearer");
            config.put("cc.context.sources.scores.url", base);
            config.put("cc.context.sources.scores.path", "/scores/{task.attributes.country}/{customer_key}");
            config.put("cc.context.sources.scores.timeout", "5s");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Switches the billing source up or down. */
    static void control(String query) {
        String base = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue(URL_PROPERTY, String.class);
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create(base + "/control?" + query)).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("control answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        delayed.shutdownNow();
    }
}
