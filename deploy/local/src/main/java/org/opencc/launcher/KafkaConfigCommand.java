package org.opencc.launcher;

import java.nio.file.Path;
import java.util.List;
import org.opencc.testsupport.kafka.KafkaNodeConfig;

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
        Path file = dir.resolve("server.properties");
        boolean formatted;
        try {
            formatted = KafkaNodeConfig.writeAndFormat(dir, port, controllerPort, "local broker of ./suite (generated)");
        } catch (java.io.IOException e) {
            throw LauncherException.failed(e.getMessage());
        }
        if (!formatted) {
            System.out.println("kafka: " + file + " written; log directory already formatted");
            return 0;
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
