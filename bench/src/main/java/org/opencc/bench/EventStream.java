package org.opencc.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A server-sent event stream read line by line on a daemon thread, as a wallboard reads it: each event is handed
 * to a listener with the {@link System#nanoTime()} at which its last line arrived, so a benchmark can time when a
 * change became visible to a client. Comment lines (heartbeats) are skipped. A stream that ends or fails is
 * recorded as {@link #failure()}: a benchmark waiting for events must not wait for a dead stream.
 */
final class EventStream implements AutoCloseable {
    /** What to do with each complete event; runs on the reading thread. */
    @FunctionalInterface
    interface Listener {
        void onEvent(String name, String data, long arrivalNanos) throws Exception;
    }

    private final Thread reader;
    private final AtomicReference<Stream<String>> lines = new AtomicReference<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicInteger events = new AtomicInteger();
    private volatile boolean closing;

    private EventStream(HttpClient http, HttpRequest request, Listener listener) {
        reader = new Thread(() -> read(http, request, listener), "bench-event-stream");
        reader.setDaemon(true);
    }

    /** Opens {@code uri} with {@code Accept: text/event-stream} and a bearer token, and starts reading. */
    static EventStream open(HttpClient http, URI uri, String bearerToken, Listener listener) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + bearerToken)
                .GET().build();
        EventStream stream = new EventStream(http, request, listener);
        stream.reader.start();
        return stream;
    }

    private void read(HttpClient http, HttpRequest request, Listener listener) {
        try {
            HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(30, TimeUnit.SECONDS);
            lines.set(response.body());
            if (response.statusCode() != 200) {
                String body = String.join(" ", response.body().limit(5).toList());
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + body);
            }
            String name = null;
            StringBuilder data = null;
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        listener.onEvent(name == null ? "message" : name, data.toString(), System.nanoTime());
                        events.incrementAndGet();
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    continue; // a comment: the heartbeat
                } else if (line.startsWith("event:")) {
                    name = value(line, "event:");
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(value(line, "data:"));
                }
            }
            if (!closing) {
                throw new IllegalStateException("the stream " + request.uri() + " ended");
            }
        } catch (Exception e) {
            if (!closing) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private static String value(String line, String field) {
        String value = line.substring(field.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    /** Why the stream stopped before {@link #close()}, or null while it runs. */
    Exception failure() {
        return failure.get();
    }

    /** Events received so far. */
    int events() {
        return events.get();
    }

    /** Waits until at least one event arrived; fails if the stream failed or none came within {@code timeout}. */
    void awaitFirstEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events() == 0) {
            if (failure() != null) {
                throw new IllegalStateException("the event stream failed before its first event", failure());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no event on the stream within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        Stream<String> body = lines.get();
        if (body != null) {
            body.close();
        }
        reader.interrupt();
        reader.join(TimeUnit.SECONDS.toMillis(5));
    }
}
