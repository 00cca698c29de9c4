package org.opencc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of packaged services ({@code <module>/target/quarkus-app}) laid out as a repository root, so a
 * rebuild of a module on this shared machine while the benchmark runs cannot pull jars from under the running
 * services. Deleted on {@link #close()}.
 */
final class ServiceSnapshot implements AutoCloseable {
    private static final String APP = "target/quarkus-app";

    private final Path root;

    private ServiceSnapshot(Path root) {
        this.root = root;
    }

    /** The path of a module's runnable jar under {@code root}. */
    static Path runJar(Path root, String module) {
        return root.resolve(module).resolve(APP).resolve("quarkus-run.jar");
    }

    /** Fails with what to do when {@code module} is not packaged under {@code root}, before anything starts. */
    static void requirePackaged(Path root, String benchmark, String module) {
        Path jar = runJar(root, module);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(benchmark + " needs the packaged " + module + ", and " + jar
                    + " is missing: run `mvn -B -q install -DskipTests` in " + root + " first (or pass --root, or"
                    + " leave it out with --only)");
        }
    }

    /** Copies each module's packaged application from {@code source}; fails if one is missing or incomplete. */
    static ServiceSnapshot copy(Path source, List<String> modules) throws IOException {
        ServiceSnapshot snapshot = new ServiceSnapshot(Files.createTempDirectory("cc-bench-services-"));
        try {
            for (String module : modules) {
                Path from = source.resolve(module).resolve(APP);
                Path to = snapshot.root.resolve(module).resolve(APP);
                copyTree(from, to);
                if (!Files.exists(runJar(snapshot.root, module)) || isEmpty(to.resolve("lib/main"))) {
                    throw new IllegalStateException(from + " is incomplete (being rebuilt?): package "
                            + module + " again and rerun");
                }
            }
            return snapshot;
        } catch (IOException | RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    /** The copy's root, to pass where a repository root is expected. */
    Path root() {
        return root;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not delete " + root + ": " + e.getMessage());
        }
    }
}
