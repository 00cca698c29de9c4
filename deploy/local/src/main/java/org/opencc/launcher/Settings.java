package org.opencc.launcher;

import java.nio.file.Path;

/**
 * Where the launcher finds its state and configuration: the {@code .suite} directory (relative to the working
 * directory, which {@code ./suite} sets to the repository root; override with {@code SUITE_STATE}) and
 * environment variables.
 */
final class Settings {
    /** The issuer every development token carries; the services accept it unless {@code JWT_ISSUER} differs. */
    static final String ISSUER = "https://opencc.local/dev";

    private Settings() {}

    /** The state directory, {@code .suite} unless {@code SUITE_STATE} names another. */
    static Path stateDir() {
        return Path.of(env("SUITE_STATE", ".suite"));
    }

    /** The JWT key pair the launcher mints development tokens with and the services verify against. */
    static Path keysDir() {
        return stateDir().resolve("keys");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String required(String name) throws LauncherException {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw LauncherException.failed(name + " is not set (./suite sets it from .suite/secrets.env)");
        }
        return value;
    }
}
