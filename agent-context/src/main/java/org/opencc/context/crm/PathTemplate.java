package org.opencc.context.crm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's path, e.g. {@code /accounts/{customer_key}/orders?channel={channel}}, with {@code {variable}}s replaced
 * by the read's values, each URL-encoded (so a value can never add a path segment or a query parameter).
 */
public final class PathTemplate {
    static final String ATTRIBUTES = "task.attributes.";
    /** Variables every template may use, besides {@code task.attributes.<name>}. */
    static final Set<String> VARIABLES = Set.of("customer_key", "task_sid", "interaction_id", "workspace_sid",
            "channel");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern ATTRIBUTE_PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final String template;
    private final List<String> literals = new ArrayList<>();
    private final List<String> variables = new ArrayList<>();

    private PathTemplate(String template) {
        this.template = template;
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException naming what is wrong: a path not starting with {@code /}, an unknown variable,
     *     an unbalanced brace
     */
    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("must start with '/'");
        }
        PathTemplate parsed = new PathTemplate(template);
        Matcher matcher = VARIABLE.matcher(template);
        int last = 0;
        while (matcher.find()) {
            parsed.literals.add(literal(template.substring(last, matcher.start())));
            String variable = matcher.group(1);
            if (!VARIABLES.contains(variable) && !(variable.startsWith(ATTRIBUTES)
                    && ATTRIBUTE_PATH.matcher(variable.substring(ATTRIBUTES.length())).matches())) {
                throw new IllegalArgumentException("unknown variable {" + variable + "}; known: " + String.join(", ",
                        VARIABLES.stream().sorted().map(v -> "{" + v + "}").toList()) + ", {task.attributes.<name>}");
            }
            parsed.variables.add(variable);
            last = matcher.end();
        }
        parsed.literals.add(literal(template.substring(last)));
        return parsed;
    }

    private static String literal(String text) {
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalArgumentException("unbalanced '{' or '}'");
        }
        return text;
    }

    /** The variables the template uses, in order. */
    public List<String> variables() {
        return List.copyOf(variables);
    }

    /**
     * The path for a subject.
     *
     * @throws MissingVariable when the subject has no value for a variable
     */
    public String expand(ContextSubject subject) {
        StringBuilder path = new StringBuilder(literals.get(0));
        for (int i = 0; i < variables.size(); i++) {
            String value = subject.value(variables.get(i));
            if (value == null || value.isEmpty()) {
                throw new MissingVariable(variables.get(i));
            }
            path.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            path.append(literals.get(i + 1));
        }
        return path.toString();
    }

    @Override
    public String toString() {
        return template;
    }

    /** The read has no value for a variable of the template: the source is skipped. */
    public static final class MissingVariable extends RuntimeException {
        MissingVariable(String variable) {
            super("no value for {" + variable + "}", null, false, false);
        }
    }
}
