package org.opencc.context.crm;

import com.fasterxml.jackson.core.JsonPointer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.opencc.context.config.ContextConfig;

/**
 * Turns {@code cc.context.sources.*} into {@link SourceDefinition}s, refusing a misconfigured source with every
 * problem named by its property, so a deployment with a typo fails at start-up rather than at the first read.
 */
public final class SourceDefinitions {
    static final String PREFIX = "cc.context.sources.";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SECTION = Pattern.compile("[a-z0-9_]{1,40}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private SourceDefinitions() {}

    /**
     * The enabled sources, sorted by name.
     *
     * @param environment reads an environment variable (for {@code auth.secret-env})
     * @throws InvalidSources listing every problem
     */
    public static List<SourceDefinition> from(ContextConfig config, UnaryOperator<String> environment) {
        List<String> problems = new ArrayList<>();
        List<SourceDefinition> definitions = new ArrayList<>();
        Map<String, String> sections = new HashMap<>();
        for (Map.Entry<String, ContextConfig.Source> entry : new TreeMap<>(config.sources()).entrySet()) {
            String name = entry.getKey();
            ContextConfig.Source source = entry.getValue();
            if (!source.enabled()) {
                continue;
            }
            Problems p = new Problems(PREFIX + name + ".", problems);
            if (!NAME.matcher(name).matches()) {
                p.add("", "the name must be 1-40 lower-case letters, digits and '-', starting with a letter or digit");
            }
            String baseUrl = baseUrl(source.url(), p);
            PathTemplate path = null;
            try {
                path = PathTemplate.parse(source.path());
            } catch (IllegalArgumentException e) {
                p.add("path", e.getMessage() + " (was '" + source.path() + "')");
            }
            SourceDefinition.Into into = null;
            try {
                into = SourceDefinition.Into.valueOf(source.into().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                p.add("into", "must be 'customer' or 'records' (was '" + source.into() + "')");
            }
            String section = source.section().orElse(name.replace('-', '_'));
            if (!SECTION.matcher(section).matches()) {
                p.add("section", "must be 1-40 lower-case letters, digits and '_' (was '" + section + "')");
            } else if (into == SourceDefinition.Into.RECORDS && sections.putIfAbsent(section, name) != null) {
                p.add("section", "'" + section + "' is already filled by source " + sections.get(section));
            }
            if (source.timeout().isNegative() || source.timeout().isZero()
                    || source.timeout().compareTo(MAX_TIMEOUT) > 0) {
                p.add("timeout", "must be more than 0 and at most 60s (was " + source.timeout() + ")");
            }
            Duration ttl = source.cacheTtl().orElse(config.cacheTtl());
            if (ttl.isNegative() || ttl.isZero()) {
                p.add("cache-ttl", "must be more than 0 (was " + ttl + ")");
            }
            if (source.maxBodyBytes() < 1 || source.maxBodyBytes() > MAX_BODY) {
                p.add("max-body-bytes", "must be within 1.." + MAX_BODY + " (was " + source.maxBodyBytes() + ")");
            }
            if (source.maxConcurrent() < 1 || source.maxConcurrent() > 10_000) {
                p.add("max-concurrent", "must be within 1..10000 (was " + source.maxConcurrent() + ")");
            }
            Optional<SourceDefinition.SecretHeader> auth = source.auth().flatMap(a -> auth(a, environment, p));
            Map<String, JsonPointer> map = new LinkedHashMap<>();
            source.map().forEach((member, pointer) -> {
                if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                    p.add("map." + member, "must be a JSON Pointer such as /data/0/tier (was '" + pointer + "')");
                } else {
                    map.put(member, JsonPointer.compile(pointer));
                }
            });
            Set<String> sensitive = new LinkedHashSet<>();
            source.sensitive().orElse(List.of()).forEach(field -> sensitive.add(field.toLowerCase(Locale.ROOT)));
            if (p.none()) {
                definitions.add(new SourceDefinition(name, baseUrl, path, into, section, source.timeout(),
                        source.required(), ttl, source.maxBodyBytes(), source.maxConcurrent(), auth, Map.copyOf(map),
                        Set.copyOf(sensitive)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSources(problems);
        }
        return List.copyOf(definitions);
    }

    private static String baseUrl(String url, Problems p) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                p.add("url", "must be an absolute http or https URL without query or fragment (was '" + url + "')");
                return null;
            }
            return url.replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            p.add("url", "is not a URL: " + e.getReason() + " (was '" + url + "')");
            return null;
        }
    }

    private static Optional<SourceDefinition.SecretHeader> auth(ContextConfig.Auth auth,
            UnaryOperator<String> environment, Problems p) {
        if (!HEADER.matcher(auth.header()).matches()) {
            p.add("auth.header", "is not a header name (was '" + auth.header() + "')");
        }
        if (auth.secretEnv().isPresent() == auth.secretFile().isPresent()) {
            p.add("auth", "set exactly one of auth.secret-env and auth.secret-file (the secret itself never sits in"
                    + " the configuration)");
            return Optional.empty();
        }
        String secret;
        if (auth.secretEnv().isPresent()) {
            secret = environment.apply(auth.secretEnv().get());
            if (secret == null || secret.isBlank()) {
                p.add("auth.secret-env", "the environment variable " + auth.secretEnv().get() + " is not set");
                return Optional.empty();
            }
        } else {
            Path file = Path.of(auth.secretFile().get());
            try {
                secret = Files.readString(file).strip();
            } catch (IOException e) {
                p.add("auth.secret-file", "cannot read " + file + ": " + e.getClass().getSimpleName());
                return Optional.empty();
            }
            if (secret.isEmpty()) {
                p.add("auth.secret-file", file + " is empty");
                return Optional.empty();
            }
        }
        String value = auth.scheme().map(scheme -> scheme.strip() + " ").orElse("") + secret.strip();
        return Optional.of(new SourceDefinition.SecretHeader(auth.header(), value));
    }

    /** Collects the problems of one source, each prefixed with its property. */
    private static final class Problems {
        private final String prefix;
        private final List<String> all;
        private final int before;

        Problems(String prefix, List<String> all) {
            this.prefix = prefix;
            this.all = all;
            this.before = all.size();
        }

        void add(String property, String message) {
            all.add((property.isEmpty() ? prefix.substring(0, prefix.length() - 1) : prefix + property) + ": "
                    + message);
        }

        boolean none() {
            return all.size() == before;
        }
    }

    /** The configuration names sources that cannot work; the message lists every problem. */
    public static final class InvalidSources extends IllegalStateException {
        private final List<String> problems;

        InvalidSources(List<String> problems) {
            super("agent-context refuses to start: " + problems.size() + " problem(s) in the source configuration:\n  "
                    + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
