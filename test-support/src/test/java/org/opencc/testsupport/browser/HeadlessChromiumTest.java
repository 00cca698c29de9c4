package org.opencc.testsupport.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real headless Chromium against a tiny page served from this JVM, whose script logs to the console and
 * fills in {@code #status} 200 ms after it runs.
 */
class HeadlessChromiumTest {
    private static final String PAGE = """
            <!doctype html>
            <html>
            <head><title>browser driver test</title></head>
            <body>
            <h1 id="status">waiting</h1>
            <script>
              console.log('hello from the page');
              setTimeout(() => { document.getElementById('status').textContent = 'ready'; }, 200);
            </script>
            </body>
            </html>
            """;
    private static final String STATUS_IS_READY = "document.getElementById('status').textContent === 'ready'";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static HttpServer server;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void serveThePageAndStartChromium() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static String pageUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void evaluatesAnExpressionToItsJsonValue() {
        try (Page page = chromium.open(pageUrl())) {
            assertEquals(3, page.evaluate("1+2").intValue());
        }
    }

    @Test
    void awaitTrueWaitsForTheDelayedTextWhichTextThenReads() {
        try (Page page = chromium.open(pageUrl())) {
            page.awaitTrue(STATUS_IS_READY, Duration.ofSeconds(10));

            assertEquals("ready", page.text("#status"));
            assertNull(page.text("#no-such-element"));
        }
    }

    @Test
    void screenshotWritesAPng(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("nested/dirs/page.png");
        try (Page page = chromium.open(pageUrl())) {
            page.screenshot(png);
        }

        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000, "a 1600x1000 screenshot is more than " + bytes.length + " bytes");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length));
    }

    @Test
    void collectsThePagesConsoleOutput() {
        try (Page page = chromium.open(pageUrl())) {
            assertTrue(page.console().contains("log: hello from the page"), "console: " + page.console());
        }
    }

    @Test
    void anExpressionThatThrowsFailsWithThePagesExceptionText() {
        try (Page page = chromium.open(pageUrl())) {
            JavaScriptException thrown =
                    assertThrows(JavaScriptException.class, () -> page.evaluate("throw new Error('boom')"));
            assertTrue(thrown.getMessage().contains("boom"), thrown.getMessage());
        }
    }

    @Test
    void awaitTrueOnAnExpressionThatNeverHoldsFailsAfterItsTimeoutWithTheLastValue() {
        try (Page page = chromium.open(pageUrl())) {
            AssertionError failed = assertThrows(AssertionError.class,
                    () -> page.awaitTrue("document.title === 'never'", Duration.ofMillis(300)));
            assertTrue(failed.getMessage().contains("last value: false"), failed.getMessage());
            assertTrue(failed.getMessage().contains("hello from the page"), failed.getMessage());
        }
    }

    @Test
    void closeEndsChromiumAndItsChildrenAndDeletesItsTempDirAndMayBeCalledTwice() {
        HeadlessChromium own = HeadlessChromium.launch();
        List<ProcessHandle> children;
        try {
            own.open(pageUrl());
            children = own.process().descendants().toList();
        } finally {
            own.close();
        }
        own.close();

        assertFalse(children.isEmpty(), "a Chromium with an open page runs renderer processes");

        assertFalse(own.process().isAlive());
        assertTrue(children.stream().noneMatch(HeadlessChromium::running), "still running: " + children);
        assertFalse(Files.exists(own.tempDir()), own.tempDir() + " is left behind");
    }

    @Test
    void aChromiumEnvironmentVariableNamingAMissingFileFailsNamingTheVariable() {
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> HeadlessChromium.findBinary(
                "/nonexistent/chromium", null, HeadlessChromium.DEFAULT_BINARIES));

        assertTrue(failed.getMessage().contains("CHROMIUM=/nonexistent/chromium"), failed.getMessage());
    }

    @Test
    void noChromiumAnywhereFailsSayingHowToInstallIt() {
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> HeadlessChromium.findBinary(
                null, null, List.of(Path.of("/nonexistent/chromium"))));

        assertTrue(failed.getMessage().contains("headless Chromium is needed for the browser tests"),
                failed.getMessage());
        assertTrue(failed.getMessage().contains("apt-get install chromium"), failed.getMessage());
        assertTrue(failed.getMessage().contains("set CHROMIUM"), failed.getMessage());
    }

    @Test
    void theSystemPropertyNamesTheBinaryWhenTheEnvironmentDoesNot(@TempDir Path dir) throws IOException {
        Path binary = Files.createFile(dir.resolve("my-chrome"));
        assertTrue(binary.toFile().setExecutable(true));

        assertEquals(binary, HeadlessChromium.findBinary(null, binary.toString(), List.of()));
    }
}
