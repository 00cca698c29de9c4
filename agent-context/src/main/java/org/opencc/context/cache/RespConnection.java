package org.opencc.context.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection to Redis speaking RESP2, just enough for the context cache (GET, SET PX, DEL, AUTH, SELECT): no
 * Redis client library is available to this build, and the cache needs only a handful of commands. Not thread
 * safe; {@link RedisContextCache} lends each connection to one caller at a time.
 */
final class RespConnection implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RespConnection(String host, int port, Duration timeout) throws IOException {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends one command and reads its reply: a {@code String} (simple or bulk string), a {@code Long}, a
     * {@code List} or null (nil). An error reply throws {@link RedisError}.
     */
    Object call(String... args) throws IOException {
        out.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            out.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write('\r');
            out.write('\n');
        }
        out.flush();
        return reply();
    }

    private Object reply() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("Redis closed the connection");
        }
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new RedisError(line);
            case ':':
                return Long.parseLong(line);
            case '$':
                return bulk(Integer.parseInt(line));
            case '*':
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(reply());
                }
                return items;
            default:
                throw new IOException("not a RESP reply (type byte " + type + ")");
        }
    }

    private String bulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length || in.read() != '\r' || in.read() != '\n') {
            throw new EOFException("truncated bulk string from Redis");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new EOFException("Redis closed the connection");
            }
            line.write(b);
        }
        if (in.read() != '\n') {
            throw new IOException("malformed RESP line");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a broken connection: nothing left to do
        }
    }

    /** An error reply ({@code -ERR ...}); the connection stays usable. */
    static final class RedisError extends IOException {
        RedisError(String message) {
            super(message);
        }
    }
}
