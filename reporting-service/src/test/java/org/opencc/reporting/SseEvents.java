package org.opencc.reporting;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/** A live stream opened as a supervisor, whose events of one name are collected on a daemon thread. */
final class SseEvents implements AutoCloseable {
    final HttpResponse<Stream<String>> response;
    final BlockingQueue<JsonPath> events = new LinkedBlockingQueue<>();

    private SseEvents(HttpResponse<Stream<String>> response, String eventName) {
        this.response = response;
        Thread reader = new Thread(() -> read(response.body(), eventName), "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseEvents open(URI uri, String token, String eventName) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        return new SseEvents(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()),
                eventName);
    }

    /** Collects the data of each event named {@code eventName} until the stream ends or is closed. */
    private void read(Stream<String> lines, String eventName) {
        String[] event = {null};
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).trim());
                } else if (line.isEmpty()) {
                    if (eventName.equals(event[0]) && data.length() > 0) {
                        events.add(JsonPath.from(data.toString()));
                    }
                    event[0] = null;
                    data.setLength(0);
                }
            });
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    /** Cancels the request: the server sees the client leave and stops polling for it. */
    @Override
    public void close() {
        response.body().close();
    }
}
