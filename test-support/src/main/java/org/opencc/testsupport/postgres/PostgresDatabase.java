package org.opencc.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The PostgreSQL named by {@code PG_HOST}, {@code PG_PORT}, {@code PG_USER}, {@code PG_PASSWORD} (default
 * 127.0.0.1:5432, user postgres, no password). Databases are created on first use and reused: tests use fresh
 * ids, not fresh databases.
 */
public final class PostgresDatabase {
    private PostgresDatabase() {}

    public static String host() {
        return env("PG_HOST", "127.0.0.1");
    }

    public static String port() {
        return env("PG_PORT", "5432");
    }

    public static String user() {
        return env("PG_USER", "postgres");
    }

    public static String password() {
        return env("PG_PASSWORD", "");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    private static final java.util.Set<String> RECREATED = new java.util.HashSet<>();

    /**
     * A test database as the code under test expects it: dropped and created again the first time this JVM asks
     * for it (so migrations from another branch or an earlier build never linger), reused after that — tests use
     * fresh ids, not fresh databases. Never use this for a database that holds data worth keeping.
     */
    public static synchronized String freshForThisJvm(String database) {
        if (RECREATED.add(database)) {
            checkName(database);
            try (Connection admin = connect("postgres"); var drop = admin.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + host() + ":" + port() + " cannot drop "
                        + database + " (" + e.getMessage() + ")", e);
            }
        }
        return ensure(database);
    }

    private static void checkName(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }

    /** Creates {@code database} unless it exists; returns its JDBC URL. */
    public static synchronized String ensure(String database) {
        checkName(database);
        try (Connection admin = connect("postgres");
                PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = admin.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    } catch (SQLException e) {
                        // another JVM created it meanwhile
                        if (!"42P04".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host() + ":" + port() + " is not usable ("
                    + e.getMessage() + "). Start one, or set PG_HOST/PG_PORT/PG_USER/PG_PASSWORD.", e);
        }
        return jdbcUrl(database);
    }

    public static Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.put("user", user());
        props.put("password", password());
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
