package org.opencc.taskrouter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A customer's callback server on loopback: answers each path as told and records every request. */
final class CallbackEndpoint implements AutoCloseable {
    record Received(String path, Map<String, String> params, String signature, String idempotencyToken) {}

    private record Answer(int status, String body, long delayMillis) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    CallbackEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How {@code path} answers; unset paths answer an empty 200. */
    CallbackEndpoint answer(String path, int status, String body, long delayMillis) {
        answers.put(path, new Answer(status, body, delayMillis));
        return this;
    }

    List<Received> received(String path) {
        List<Received> matching = new ArrayList<>();
        received.stream().filter(r -> r.path().equals(path)).forEach(matching::add);
        return matching;
    }

    /** A URL nobody listens on: connecting to it is refused. */
    static String refusedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/refused";
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(path, form(body), exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token")));
        Answer answer = answers.getOrDefault(path, new Answer(200, "", 0));
        if (answer.delayMillis() > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(answer.delayMillis()); // the slow server under test, not test pacing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (!answer.body().isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the caller gave up (timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
