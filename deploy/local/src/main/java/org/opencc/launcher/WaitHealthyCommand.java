package org.opencc.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code wait-healthy URL... [--timeout SECONDS] [--pid PID]}: polls each readiness URL until it answers 200.
 * A bare port stands for {@code http://localhost:PORT/q/health/ready}. With {@code --pid}, gives up as soon as
 * that process has exited, instead of waiting out the timeout for a service that crashed while starting.
 */
final class WaitHealthyCommand implements Command {
    private static final Duration POLL = Duration.ofMillis(500);

    @Override
    public String usage() {
        return "URL|PORT... [--timeout SECONDS] [--pid PID]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        List<URI> urls = new ArrayList<>();
        long timeoutSeconds = 120;
        Optional<ProcessHandle> process = Optional.empty();
        Long pid = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ("--timeout".equals(arg) || "--pid".equals(arg)) {
                if (i + 1 == args.size()) {
                    throw LauncherException.usage(arg + " needs a value");
                }
                long value = number(arg, args.get(++i));
                if ("--timeout".equals(arg)) {
                    timeoutSeconds = value;
                } else {
                    pid = value;
                    process = ProcessHandle.of(value);
                }
            } else {
                urls.add(url(arg));
            }
        }
        if (urls.isEmpty()) {
            throw LauncherException.usage("no URL given");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        for (URI url : urls) {
            int last = awaitReady(http, url, deadline, process, pid);
            if (last != 200) {
                String seen = last < 0 ? "no answer" : "last status " + last;
                throw new LauncherException(url + " not ready within " + timeoutSeconds + " s (" + seen + ")",
                        LauncherException.TIMEOUT);
            }
            System.out.println("ready: " + url);
        }
        return 0;
    }

    /** Polls until 200 or the deadline; returns the last status seen, -1 when nothing answered. */
    private static int awaitReady(HttpClient http, URI url, Instant deadline, Optional<ProcessHandle> process,
            Long pid) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build();
        int last = -1;
        while (true) {
            try {
                last = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return last;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (pid != null && process.map(p -> !p.isAlive()).orElse(true)) {
                throw LauncherException.failed("process " + pid + " exited before " + url + " was ready");
            }
            if (Instant.now().isAfter(deadline)) {
                return last;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static URI url(String arg) throws LauncherException {
        if (arg.matches("\\d{1,5}")) {
            return URI.create("http://localhost:" + arg + "/q/health/ready");
        }
        if (!arg.startsWith("http://") && !arg.startsWith("https://")) {
            throw LauncherException.usage("not a URL or port: " + arg);
        }
        return URI.create(arg);
    }

    private static long number(String option, String value) throws LauncherException {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw LauncherException.usage(option + " expects a non-negative number, got " + value);
    }
}
