package org.opencc.testsupport.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Twilio's REST API as far as our services call it, on loopback: records every request and answers 201 with a
 * resource carrying a fresh sid (or a status set with {@link #failNext}). Point {@code TWILIO_API_BASE} at
 * {@link #baseUrl()}.
 */
public final class FakeTwilioApi implements AutoCloseable {
    /** One request as received. */
    public record Recorded(String method, String path, String authorization, Map<String, String> form) {}

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> failures = Collections.synchronizedList(new ArrayList<>());

    public FakeTwilioApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The next request is answered with {@code status} and Twilio's error JSON. */
    public void failNext(int status) {
        failures.add(status);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = parseForm(body);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), form));
        int status;
        String response;
        if (!failures.isEmpty()) {
            status = failures.remove(0);
            response = "{\"code\":20500,\"message\":\"fake failure\",\"more_info\":"
                    + "\"https://www.twilio.com/docs/errors/20500\",\"status\":" + status + "}";
        } else {
            status = 201;
            String sid = (exchange.getRequestURI().getPath().contains("/Calls") ? "CA" : "SM")
                    + UUID.randomUUID().toString().replace("-", "");
            response = "{\"sid\":\"" + sid + "\",\"status\":\"queued\"}";
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
