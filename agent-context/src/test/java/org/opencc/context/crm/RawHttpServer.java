package org.opencc.context.crm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A CRM-like HTTP/1.1 server on loopback that can misbehave as real ones do: answer slowly, send HTML, send an
 * endless body, send headers and then nothing. Each path prefix gets a {@link Behaviour}; every request head is kept
 * so tests can check what the connector sent.
 */
final class RawHttpServer implements AutoCloseable {
    /** Writes the whole answer (status line included) for a request. */
    interface Behaviour {
        void answer(String path, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "raw-http");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<String> heads = new CopyOnWriteArrayList<>();

    RawHttpServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Answers requests whose path starts with {@code prefix}. */
    RawHttpServer on(String prefix, Behaviour behaviour) {
        behaviours.put(prefix, behaviour);
        return this;
    }

    /** The request heads received so far (request line and headers). */
    List<String> heads() {
        return List.copyOf(heads);
    }

    static Behaviour json(int status, String body) {
        return respond(status, "application/json", body);
    }

    static Behaviour respond(int status, String contentType, String body) {
        return (path, out) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        };
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                String path = head.split(" ", 3)[1];
                Behaviour behaviour = behaviours.entrySet().stream()
                        .filter(entry -> path.startsWith(entry.getKey()))
                        .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                        .map(Map.Entry::getValue).orElse(json(404, "{}"));
                behaviour.answer(path, out);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: normal for the misbehaving answers
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing to do
        }
        threads.shutdownNow();
    }
}
