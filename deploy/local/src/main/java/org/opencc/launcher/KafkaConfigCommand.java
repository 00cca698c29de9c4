package org.opencc.launcher;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * {@code kafka-config DIR PORT CONTROLLER_PORT}: writes {@code DIR/server.properties} for the local broker and
 * formats its KRaft log directory once (kept while {@code DIR/log/meta.properties} exists, so topics and offsets
 * survive a restart of the suite).
 */
final class KafkaConfigCommand implements Command {
    @Override
    public String usage() {
        return "DIR PORT CONTROLLER_PORT";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (args.size() != 3) {
            throw LauncherException.usage("expected 3 arguments, got " + args.size());
        }
        Path dir = Path.of(args.get(0));
        int port = port(args.get(1));
        int controllerPort = port(args.get(2));
        if (port == controllerPort) {
            throw LauncherException.usage("PORT and CONTROLLER_PORT must differ");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            KafkaServerProperties.of(dir, port, controllerPort).store(out, "local broker of ./suite (generated)");
        }
        if (Files.exists(dir.resolve("log").resolve("meta.properties"))) {
            System.out.println("kafka: " + file + " written; log directory already formatted");
            return 0;
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                file.toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw LauncherException.failed("formatting the KRaft log directory failed: "
                    + log.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim());
        }
        System.out.println("kafka: " + file + " written; log directory formatted");
        return 0;
    }

    private static int port(String value) throws LauncherException {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw LauncherException.usage("not a port: " + value);
    }
}
