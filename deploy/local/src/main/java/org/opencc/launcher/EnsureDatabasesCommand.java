package org.opencc.launcher;

import java.sql.DriverManager;
import java.util.List;
import org.opencc.testsupport.postgres.PostgresDatabase;

/**
 * {@code ensure-databases}: creates each service's database on the PostgreSQL named by {@code PG_HOST},
 * {@code PG_PORT}, {@code PG_USER}, {@code PG_PASSWORD} unless it exists. Each service migrates its own schema
 * (Flyway) when it starts.
 */
final class EnsureDatabasesCommand implements Command {
    /** One database per service: channel-gateway, task-router, agent-context, compliance, reporting. */
    static final List<String> DATABASES = List.of("gateway", "taskrouter", "agentcontext", "compliance", "reporting");

    @Override
    public String usage() {
        return "";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (!args.isEmpty()) {
            throw LauncherException.usage("takes no arguments (configure with PG_HOST/PG_PORT/PG_USER/PG_PASSWORD)");
        }
        // an unreachable host must not hang the launcher for the driver's default time
        DriverManager.setLoginTimeout(5);
        for (String database : DATABASES) {
            try {
                PostgresDatabase.ensure(database);
            } catch (IllegalStateException e) {
                throw new LauncherException("PostgreSQL at " + PostgresDatabase.host() + ":" + PostgresDatabase.port()
                        + " (user " + PostgresDatabase.user() + ") is not usable: " + reason(e)
                        + ". Start PostgreSQL (e.g. `pg_ctlcluster 15 main start`) or set PG_HOST/PG_PORT/PG_USER/"
                        + "PG_PASSWORD to reach a running one.", LauncherException.POSTGRES);
            }
        }
        System.out.println("databases " + String.join(", ", DATABASES) + " ready on " + PostgresDatabase.host() + ":"
                + PostgresDatabase.port());
        return 0;
    }

    /** The driver's first sentence: "Connection to 127.0.0.1:5499 refused", "password authentication failed…". */
    private static String reason(IllegalStateException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        int end = message.indexOf(". ");
        return end > 0 ? message.substring(0, end) : message.replaceAll("\\.$", "");
    }
}
