package org.opencc.testsupport.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium started for browser tests and driven over the Chrome DevTools Protocol with nothing but the
 * JDK's HttpClient/WebSocket and Jackson: end-to-end tests check pages (the supervisor wallboard) in a real browser
 * without bringing Selenium and a driver binary into the build. Each instance has its own throw-away profile and
 * temp directory, both removed by {@link #close()}.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** Environment variable naming the Chromium/Chrome binary to use. */
    public static final String BINARY_ENV = "CHROMIUM";
    /** System property naming the Chromium/Chrome binary to use (when {@value #BINARY_ENV} is not set). */
    public static final String BINARY_PROPERTY = "cc.chromium";

    static final List<Path> DEFAULT_BINARIES = List.of(
            Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"), Path.of("/usr/bin/google-chrome"));

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int LOG_TAIL_LINES = 40;
    private static final String HOW_TO_GET_ONE = "headless Chromium is needed for the browser tests; `./suite test`"
            + " installs Debian's `chromium` package (apt-get install chromium); or set " + BINARY_ENV
            + " to a Chromium/Chrome binary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path tempDir;
    private final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CdpConnection.COMMAND_TIMEOUT).build();
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private volatile int port;
    private volatile boolean closed;

    private HeadlessChromium(Path tempDir, Path log, Process process) {
        this.tempDir = tempDir;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the Chromium named by {@value #BINARY_ENV} or {@value #BINARY_PROPERTY}, else the first of
     * {@link #DEFAULT_BINARIES} that exists, and waits (up to 30 s) until its DevTools endpoint is listening.
     *
     * @throws IllegalStateException when there is no Chromium, or it exits or hangs while starting (with its log)
     */
    public static HeadlessChromium launch() {
        Path binary = findBinary(System.getenv(BINARY_ENV), System.getProperty(BINARY_PROPERTY), DEFAULT_BINARIES);
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("cc-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temp directory for Chromium", e);
        }
        Path log = tempDir.resolve("chromium.log");
        Path profile = tempDir.resolve("profile");
        Path tmp = tempDir.resolve("tmp");
        Process process;
        try {
            Files.createDirectories(tmp);
            ProcessBuilder builder = new ProcessBuilder(
                    binary.toString(),
                    "--headless",
                    "--no-sandbox", // the tests run as root, where Chromium's sandbox refuses to start
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    // no internet here: without these it keeps trying to reach Google and logs the refusals
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-default-apps",
                    "--remote-debugging-port=0", // Chromium picks a free port and writes it to DevToolsActivePort
                    "--remote-allow-origins=*",
                    "--user-data-dir=" + profile,
                    "--window-size=1600,1000",
                    "about:blank")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // its singleton socket and shared-memory files go here rather than into /tmp, and go with it
            builder.environment().put("TMPDIR", tmp.toString());
            process = builder.start();
        } catch (IOException e) {
            deleteRecursively(tempDir);
            throw new IllegalStateException("could not start " + binary + ": " + e.getMessage() + "; "
                    + HOW_TO_GET_ONE, e);
        }
        HeadlessChromium chromium = new HeadlessChromium(tempDir, log, process);
        try {
            chromium.port = chromium.awaitDevToolsPort(binary, profile.resolve("DevToolsActivePort"));
            return chromium;
        } catch (RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    /**
     * Which binary {@link #launch()} starts: {@code env} (the {@value #BINARY_ENV} value), else {@code property}
     * (the {@value #BINARY_PROPERTY} value), else the first existing {@code candidates}. A named binary that does
     * not exist is an error rather than a silent fallback, so a typo does not test a different browser.
     */
    static Path findBinary(String env, String property, List<Path> candidates) {
        if (env != null && !env.isBlank()) {
            return named(BINARY_ENV, env);
        }
        if (property != null && !property.isBlank()) {
            return named("system property " + BINARY_PROPERTY, property);
        }
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Chromium found at any of " + candidates + ": "
                        + HOW_TO_GET_ONE));
    }

    private static Path named(String source, String value) {
        Path binary = Path.of(value);
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new IllegalStateException(source + "=" + value + " is not an executable file; "
                    + HOW_TO_GET_ONE);
        }
        return binary;
    }

    /**
     * Opens {@code url} in a new tab and waits for its load event. The tab is created blank and then navigated, so
     * the page's console output from its very first script is collected too.
     */
    public Page open(String url) {
        if (closed) {
            throw new IllegalStateException("this Chromium was closed");
        }
        JsonNode target = newTarget();
        String targetId = target.path("id").asText();
        CdpConnection cdp = CdpConnection.connect(target.path("webSocketDebuggerUrl").asText(), http);
        Page page;
        try {
            page = new Page(cdp, closing -> {
                pages.remove(closing);
                closeTarget(targetId);
            });
        } catch (RuntimeException e) {
            cdp.close();
            closeTarget(targetId);
            throw e;
        }
        pages.add(page);
        try {
            page.navigate(url);
        } catch (RuntimeException e) {
            page.close();
            throw e;
        }
        return page;
    }

    /** The DevTools HTTP endpoint, e.g. {@code http://127.0.0.1:40123}. */
    public String devToolsUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Closes every tab's connection, ends Chromium and all its child processes (renderers, GPU, zygote), waits for
     * them to exit and deletes the profile and temp directory. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Page page : pages) {
            try {
                page.close();
            } catch (RuntimeException e) {
                // the browser is going away anyway
            }
        }
        pages.clear();
        try {
            stopProcessTree();
        } finally {
            deleteRecursively(tempDir);
        }
    }

    /** Chromium's own process; package-private so tests can check {@link #close()} ended it. */
    Process process() {
        return process;
    }

    Path tempDir() {
        return tempDir;
    }

    private int awaitDevToolsPort(Path binary, Path activePort) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            Optional<Integer> port = readPort(activePort);
            if (port.isPresent()) {
                return port.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(binary + " exited with status " + process.exitValue()
                        + " before its DevTools endpoint was up; its log ends:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(binary + " did not write " + activePort + " within "
                        + STARTUP_TIMEOUT.toSeconds() + " s; its log ends:\n" + logTail());
            }
            try {
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Chromium to start", e);
            }
        }
    }

    /** The first line of DevToolsActivePort, once Chromium has written it whole (it may be caught mid-write). */
    private static Optional<Integer> readPort(Path activePort) {
        try {
            String content = Files.readString(activePort);
            int newline = content.indexOf('\n');
            if (newline <= 0) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(content.substring(0, newline).trim()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + activePort, e);
        }
    }

    /** {@code PUT /json/new}: Chromium 111+ refuses GET there ("Using unsafe HTTP verb GET"). */
    private JsonNode newTarget() {
        String url = devToolsUrl() + "/json/new?" + URLEncoder.encode("about:blank", StandardCharsets.UTF_8);
        HttpResponse<String> response = devTools(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            JsonNode target = JSON.readTree(response.body());
            if (!target.hasNonNull("webSocketDebuggerUrl")) {
                throw new IllegalStateException("PUT " + url + " answered without a webSocketDebuggerUrl: "
                        + response.body());
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + url + " answered something other than JSON: "
                    + response.body(), e);
        }
    }

    private void closeTarget(String targetId) {
        if (closed) {
            return; // the whole browser is going: no need to close its tabs one by one
        }
        try {
            devTools(HttpRequest.newBuilder(URI.create(devToolsUrl() + "/json/close/" + targetId))
                    .PUT(HttpRequest.BodyPublishers.noBody()));
        } catch (RuntimeException e) {
            // the tab goes with the browser in any case
        }
    }

    private HttpResponse<String> devTools(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(CdpConnection.COMMAND_TIMEOUT).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    private void stopProcessTree() {
        // listed before Chromium goes: once it has exited its children are re-parented and no longer its descendants
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        process.destroy();
        if (!awaitGone(tree, EXIT_TIMEOUT.dividedBy(2))) {
            tree.forEach(ProcessHandle::destroyForcibly);
            if (!awaitGone(tree, EXIT_TIMEOUT.dividedBy(2))) {
                throw new IllegalStateException("Chromium (pid " + process.pid() + ") or one of its processes "
                        + tree.stream().filter(HeadlessChromium::running).map(ProcessHandle::pid).toList()
                        + " still runs " + EXIT_TIMEOUT.toSeconds() + " s after being told to stop");
            }
        }
    }

    /** Polls rather than joining {@link ProcessHandle#onExit()}, which waits for zombies to be reaped too. */
    private boolean awaitGone(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(HeadlessChromium::running)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code handle} still runs. Chromium's helpers outlive it as orphans, and once they exit they stay
     * zombies until PID 1 reaps them; {@link ProcessHandle#isAlive()} counts a zombie as alive, and a container's
     * PID 1 may reap late or never, so on Linux a zombie counts as ended here.
     */
    static boolean running(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", String.valueOf(handle.pid()), "stat");
        try {
            String line = Files.readString(stat);
            // "pid (comm) state ...": comm may itself hold spaces and parentheses
            int endOfName = line.lastIndexOf(')');
            char state = endOfName > 0 && line.length() > endOfName + 2 ? line.charAt(endOfName + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return !Files.isDirectory(Path.of("/proc/self")) && handle.isAlive();
        } catch (IOException e) {
            return handle.isAlive();
        }
    }

    private String logTail() {
        try {
            // decoded leniently: a crashing Chromium may leave half a UTF-8 sequence at the end
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /** Best effort: a file Chromium was still writing as it died is retried once, then left for the OS. */
    private static void deleteRecursively(Path dir) {
        for (int attempt = 0; attempt < 2 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        // a directory someone wrote into meanwhile; the next attempt gets it
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // a file vanished mid-walk; the next attempt starts over
            }
        }
    }
}
