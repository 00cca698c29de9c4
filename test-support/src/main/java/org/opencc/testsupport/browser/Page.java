package org.opencc.testsupport.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * One tab of a {@link HeadlessChromium}, driven over the DevTools protocol: what an end-to-end test needs to check a
 * page in a real browser (evaluate JavaScript, wait for a condition, read text, take a screenshot) and, when it fails,
 * the page's console output and uncaught exceptions to say why.
 */
public final class Page implements AutoCloseable {
    /** How long {@link HeadlessChromium#open(String)} waits for the page's load event. */
    static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CdpConnection cdp;
    private final Consumer<Page> onClose;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    Page(CdpConnection cdp, Consumer<Page> onClose) {
        this.cdp = cdp;
        this.onClose = onClose;
        cdp.on("Runtime.consoleAPICalled", this::consoleCalled);
        cdp.on("Runtime.exceptionThrown", this::exceptionThrown);
        cdp.send("Page.enable");
        cdp.send("Runtime.enable");
    }

    /**
     * Loads {@code url} in this tab and waits (up to 30 s) for its load event; fails naming the URL when Chromium
     * cannot load it at all (connection refused, DNS) or the load event does not come.
     */
    public void navigate(String url) {
        CompletableFuture<JsonNode> loaded = cdp.next("Page.loadEventFired");
        try {
            JsonNode navigated = cdp.send("Page.navigate", JSON.createObjectNode().put("url", url));
            if (navigated.hasNonNull("errorText")) {
                throw new IllegalStateException("Chromium could not load " + url + ": "
                        + navigated.get("errorText").asText());
            }
            loaded.get(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + url, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(url + " did not finish loading (no Page.loadEventFired) within "
                    + LOAD_TIMEOUT.toSeconds() + " s; console: " + console, e);
        } finally {
            loaded.cancel(false);
        }
    }

    /**
     * The value of {@code expression} evaluated in the page, as JSON. Promises are awaited; {@code undefined},
     * {@code NaN} and {@code Infinity} come back as {@link NullNode}, and objects JSON cannot hold (DOM nodes) as
     * {@code {}}.
     *
     * @throws JavaScriptException when the expression throws or its promise rejects, with the page's exception text
     */
    public JsonNode evaluate(String expression) {
        ObjectNode params = JSON.createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode answer = cdp.send("Runtime.evaluate", params);
        JsonNode exception = answer.get("exceptionDetails");
        if (exception != null) {
            throw new JavaScriptException("evaluating `" + expression + "` threw: " + exceptionText(exception));
        }
        JsonNode value = answer.path("result").get("value");
        return value == null ? NullNode.getInstance() : value;
    }

    /**
     * Polls {@code jsBooleanExpression} about every 50 ms until it evaluates to {@code true}; an expression that
     * throws (say, on an element not rendered yet) counts as not true yet.
     *
     * @throws AssertionError after {@code timeout}, with the last value and the page's console and exceptions
     */
    public void awaitTrue(String jsBooleanExpression, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last;
        while (true) {
            try {
                JsonNode value = evaluate(jsBooleanExpression);
                if (value.isBoolean() && value.booleanValue()) {
                    return;
                }
                last = value.toString();
            } catch (JavaScriptException e) {
                last = e.getMessage();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("`" + jsBooleanExpression + "` was not true within " + timeout.toMillis()
                        + " ms; last value: " + last + "; console and exceptions: " + console);
            }
            pause(Math.min(left, POLL_INTERVAL.toNanos()));
        }
    }

    /** The {@code textContent} of the first element matching {@code cssSelector}, or null when none matches. */
    public String text(String cssSelector) {
        JsonNode value = evaluate("(() => { const e = document.querySelector(" + jsString(cssSelector)
                + "); return e === null ? null : e.textContent; })()");
        return value.isNull() ? null : value.asText();
    }

    /** Writes a PNG of the visible viewport to {@code png}, creating its parent directories. */
    public void screenshot(Path png) {
        JsonNode shot = cdp.send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        byte[] bytes = Base64.getDecoder().decode(shot.path("data").asText());
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(png, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write screenshot to " + png, e);
        }
    }

    /**
     * What the page logged ({@code log: hello}, {@code error: ...}) and threw ({@code exception: ...}) since this tab
     * was opened, in order.
     */
    public List<String> console() {
        return new ArrayList<>(console);
    }

    /** Closes this tab's DevTools connection and the tab; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cdp.close();
        onClose.accept(this);
    }

    private void consoleCalled(JsonNode params) {
        List<String> args = StreamSupport.stream(params.path("args").spliterator(), false)
                .map(Page::remoteObjectText)
                .toList();
        console.add(params.path("type").asText() + ": " + String.join(" ", args));
    }

    private void exceptionThrown(JsonNode params) {
        console.add("exception: " + exceptionText(params.path("exceptionDetails")));
    }

    /** A console argument as the DevTools console would show it. */
    private static String remoteObjectText(JsonNode remoteObject) {
        JsonNode value = remoteObject.get("value");
        if (value != null) {
            return value.isTextual() ? value.asText() : value.toString();
        }
        if (remoteObject.has("unserializableValue")) {
            return remoteObject.get("unserializableValue").asText();
        }
        if (remoteObject.has("description")) {
            return remoteObject.get("description").asText();
        }
        return remoteObject.path("type").asText();
    }

    /** {@code exception.description} carries {@code Error: boom} and its stack; {@code text} is just "Uncaught". */
    private static String exceptionText(JsonNode exceptionDetails) {
        JsonNode exception = exceptionDetails.path("exception");
        if (exception.has("description")) {
            return exception.get("description").asText();
        }
        if (exception.has("value")) {
            return exceptionDetails.path("text").asText() + " " + remoteObjectText(exception);
        }
        return exceptionDetails.path("text").asText();
    }

    private static String jsString(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot quote " + value, e);
        }
    }

    private static void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling the page", e);
        }
    }
}
