package org.opencc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options: {@code --quick} (small counts for smoke runs), {@code --only NAME[,NAME]} (run a subset,
 * still in the fixed order), {@code --root PATH} (the repository root holding the packaged services; default
 * the system property {@code cc.repository.root}, else the parent of the working directory) and
 * {@code --ingest-events N} (how many events the {@code ingest} benchmark publishes; 0: its default).
 */
record BenchOptions(boolean quick, Set<String> only, Path root, int ingestEvents) {
    static final String INGEST_EVENTS = "--ingest-events";

    static BenchOptions parse(String[] args, List<String> known) {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>();
        Path root = Path.of(System.getProperty("cc.repository.root", ".."));
        int ingestEvents = 0;
        List<String> rest = new ArrayList<>(List.of(args == null ? new String[0] : args));
        // exec:java passes -Dexec.args as one string: "--only a,b" must still work when split by whitespace
        List<String> tokens = new ArrayList<>();
        rest.forEach(arg -> tokens.addAll(List.of(arg.trim().split("\\s+"))));
        tokens.removeIf(String::isEmpty);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--quick")) {
                quick = true;
            } else if (token.equals("--only") || token.equals("--root") || token.equals(INGEST_EVENTS)) {
                if (i + 1 >= tokens.size()) {
                    throw new IllegalArgumentException(token + " needs a value");
                }
                String value = tokens.get(++i);
                if (token.equals(INGEST_EVENTS)) {
                    ingestEvents = ingestEvents(value);
                } else if (token.equals("--root")) {
                    root = Path.of(value);
                } else {
                    for (String name : value.split(",")) {
                        if (!name.isBlank()) {
                            only.add(name.trim());
                        }
                    }
                }
            } else if (token.startsWith("--only=")) {
                return parse(replace(tokens, i, "--only", token.substring(7)), known);
            } else {
                throw new IllegalArgumentException("unknown option " + token + "; usage: "
                        + "[--quick] [--only NAME[,NAME]] [--root PATH] [" + INGEST_EVENTS + " N], NAME one of "
                        + known);
            }
        }
        for (String name : only) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown benchmark " + name + "; known: " + known);
            }
        }
        return new BenchOptions(quick, Set.copyOf(only), root.toAbsolutePath().normalize(), ingestEvents);
    }

    /** Whole task lifecycles of five events each: a positive multiple of 5. */
    private static int ingestEvents(String value) {
        int events;
        try {
            events = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            events = -1;
        }
        if (events <= 0 || events % TaskLifecycles.STAGES != 0) {
            throw new IllegalArgumentException(INGEST_EVENTS + " must be a positive multiple of "
                    + TaskLifecycles.STAGES + " (whole task lifecycles), not " + value);
        }
        return events;
    }

    private static String[] replace(List<String> tokens, int index, String... with) {
        List<String> copy = new ArrayList<>(tokens);
        copy.remove(index);
        copy.addAll(index, List.of(with));
        return copy.toArray(String[]::new);
    }

    boolean selected(String name) {
        return only.isEmpty() || only.contains(name);
    }

    /** {@code full} normally, {@code quick} with {@code --quick}. */
    int count(int full, int quickCount) {
        return quick ? quickCount : full;
    }
}
