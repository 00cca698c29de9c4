package org.opencc.launcher;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the local launcher behind {@code ./suite}. Each subcommand is one class; the script calls them
 * from the repository root with the module's runtime classpath. Errors are one line on stderr; exit codes:
 * 0 success, 1 failure, 2 usage, 3 PostgreSQL not usable, 4 timeout.
 */
public final class Launcher {
    private Launcher() {}

    /** The subcommands by name, in the order {@code help} lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("kafka-config", new KafkaConfigCommand());
        commands.put("create-topics", new CreateTopicsCommand());
        commands.put("ensure-databases", new EnsureDatabasesCommand());
        commands.put("wait-healthy", new WaitHealthyCommand());
        commands.put("token", new TokenCommand());
        commands.put("seed", new SeedCommand());
        commands.put("sms-curl", new SmsCurlCommand());
        return commands;
    }

    public static void main(String[] args) {
        // SLF4J (Kafka admin, Twilio SDK) binds to the JBoss LogManager, which must also own java.util.logging
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
            printUsage(commands);
            return args.length == 0 ? LauncherException.USAGE : 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            System.err.println("launcher: unknown command '" + args[0] + "' (one of " + commands.keySet() + ")");
            return LauncherException.USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return command.run(rest);
        } catch (LauncherException e) {
            System.err.println("launcher " + args[0] + ": " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            System.err.println("launcher " + args[0] + ": " + oneLine(e));
            return LauncherException.FAILED;
        }
    }

    private static void printUsage(Map<String, Command> commands) {
        System.err.println("usage: launcher COMMAND [ARGS]");
        commands.forEach((name, command) -> System.err.println(("  " + name + " " + command.usage()).stripTrailing()));
    }

    /** The innermost cause's message, on one line: what the user can act on. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root != e && e.getMessage() != null && !e.getMessage().contains(message)) {
            message = e.getMessage() + ": " + message;
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
