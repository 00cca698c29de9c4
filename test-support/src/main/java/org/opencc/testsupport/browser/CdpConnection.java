package org.opencc.testsupport.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One DevTools protocol WebSocket (to a single tab): numbered commands matched to their answers, and events handed
 * to listeners. Package-private plumbing under {@link Page}, so the page API stays about pages.
 */
final class CdpConnection implements AutoCloseable {
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Pending(String method, CompletableFuture<JsonNode> answer) {
    }

    private final String url;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<JsonNode>>> listeners = new ConcurrentHashMap<>();
    private final Object sendLock = new Object();
    private final WebSocket socket;
    private volatile String closedBecause;

    private CdpConnection(String url, HttpClient http) {
        this.url = url;
        try {
            this.socket = http.newWebSocketBuilder()
                    .connectTimeout(COMMAND_TIMEOUT)
                    .buildAsync(URI.create(url), new Listener())
                    .get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException("interrupted while connecting to DevTools WebSocket " + url, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new CdpException("could not connect to DevTools WebSocket " + url + ": " + e, e);
        }
    }

    static CdpConnection connect(String webSocketDebuggerUrl, HttpClient http) {
        return new CdpConnection(webSocketDebuggerUrl, http);
    }

    /** Calls {@code listener} with the {@code params} of every event named {@code method} from now on. */
    void on(String method, Consumer<JsonNode> listener) {
        listeners.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * Completes with the {@code params} of the next event named {@code method}; call it before causing the event, and
     * cancel the future when no longer waiting.
     */
    CompletableFuture<JsonNode> next(String method) {
        CompletableFuture<JsonNode> event = new CompletableFuture<>();
        Consumer<JsonNode> listener = event::complete;
        on(method, listener);
        // once it came (or the caller gave up and cancelled), stop listening
        event.whenComplete((params, failure) -> listeners.get(method).remove(listener));
        return event;
    }

    /** Sends {@code method} with no parameters and returns its {@code result}. */
    JsonNode send(String method) {
        return send(method, JSON.createObjectNode());
    }

    /**
     * Sends {@code method} with {@code params} and returns its {@code result}, failing with a {@link CdpException}
     * naming the method when Chromium answers with an error or not within {@link #COMMAND_TIMEOUT}.
     */
    JsonNode send(String method, ObjectNode params) {
        if (closedBecause != null) {
            throw new CdpException("cannot send " + method + ": the DevTools connection " + closedBecause);
        }
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, new Pending(method, answer));
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        try {
            synchronized (sendLock) {
                // java.net.http.WebSocket allows one outstanding send at a time
                socket.sendText(message.toString(), true).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            return answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException("interrupted while waiting for CDP " + method, e);
        } catch (TimeoutException e) {
            throw new CdpException("CDP " + method + " got no answer within " + COMMAND_TIMEOUT.toSeconds()
                    + " s (" + url + ")", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CdpException cdp) {
                throw new CdpException(cdp.getMessage(), cdp);
            }
            throw new CdpException("CDP " + method + " failed: " + e.getCause(), e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        if (closedBecause == null) {
            closedBecause = "was closed";
        }
        failPending();
        try {
            synchronized (sendLock) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // already closed by the browser, or it is going away: nothing left to tell it
        } finally {
            socket.abort();
        }
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not JSON: nothing in the protocol sends that, and no command can be matched to it
        }
        if (message.has("id")) {
            Pending command = pending.get(message.get("id").asInt());
            if (command == null) {
                return; // its sender gave up waiting
            }
            JsonNode error = message.get("error");
            if (error != null) {
                command.answer().completeExceptionally(new CdpException("CDP " + command.method() + " failed: "
                        + error.path("message").asText() + " (code " + error.path("code").asText()
                        + (error.has("data") ? ", " + error.get("data").asText() : "") + ")"));
            } else {
                command.answer().complete(message.path("result"));
            }
        } else if (message.has("method")) {
            List<Consumer<JsonNode>> forMethod = listeners.get(message.get("method").asText());
            if (forMethod != null) {
                JsonNode params = message.path("params");
                forMethod.forEach(listener -> listener.accept(params));
            }
        }
    }

    private void failPending() {
        pending.values().forEach(command -> command.answer().completeExceptionally(new CdpException(
                "CDP " + command.method() + " got no answer: the DevTools connection " + closedBecause)));
    }

    /** Assembles text frames split by the WebSocket layer (screenshots arrive in many) into whole messages. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedBecause = "was closed by Chromium (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")";
            failPending();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedBecause = "failed: " + error;
            failPending();
        }
    }
}
