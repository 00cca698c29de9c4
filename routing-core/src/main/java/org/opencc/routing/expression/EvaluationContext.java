package org.opencc.routing.expression;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Values an expression can use besides the attributes it is evaluated against: the TaskRouter time-of-day
 * variables (derived from {@code now}, in {@code now}'s time zone) and named variables such as the
 * {@code skip_if} worker counts ({@code workers.available}) of the current routing step.
 *
 * <p>A path in an expression is looked up here first: the longest leading run of its keys that names a
 * variable wins ({@code workers.available} matches a variable named {@code workers.available}, or one named
 * {@code workers} holding a map with an {@code available} key); any remaining keys and indexes are walked
 * into the variable's value. Paths that name no variable resolve against the attributes as usual. Explicit
 * variables take precedence over the time-of-day ones, so a caller (or a test) can pin them.
 *
 * <p>Twilio evaluates the time-of-day variables in UTC; we evaluate them in the zone of {@code now}, so a
 * workflow's business hours can be written in its own time zone. Pass a UTC time for Twilio's behaviour.
 *
 * @param now       the evaluation instant and time zone, or null when no time-of-day variables exist
 * @param variables named variables (keys are dotted names; values Jackson-style, null allowed); null means none
 */
public record EvaluationContext(ZonedDateTime now, Map<String, Object> variables) {

    /** {@code taskrouter.currentTime}: integer HHMM on a 24-hour clock, e.g. 930 for 09:30. */
    public static final String CURRENT_TIME = "taskrouter.currentTime";
    /** {@code taskrouter.currentHour}: integer hour 0..23 (a number, so {@code > 8} works as Twilio's example). */
    public static final String CURRENT_HOUR = "taskrouter.currentHour";
    /** {@code taskrouter.currentMin}: integer minute 0..59. */
    public static final String CURRENT_MIN = "taskrouter.currentMin";
    /** {@code taskrouter.dayOfWeek}: {@code Mon Tue Wed Thu Fri Sat Sun}. */
    public static final String DAY_OF_WEEK = "taskrouter.dayOfWeek";
    /** {@code workers.available}: workers of the step's queue in an available activity (skip_if). */
    public static final String WORKERS_AVAILABLE = "workers.available";
    /** {@code workers.unavailable}: workers of the step's queue in an unavailable activity (skip_if). */
    public static final String WORKERS_UNAVAILABLE = "workers.unavailable";
    /** {@code workers.total}: all workers of the step's queue (ours, not in Twilio's docs). */
    public static final String WORKERS_TOTAL = "workers.total";

    private static final Set<String> TIME_VARIABLES = Set.of(CURRENT_TIME, CURRENT_HOUR, CURRENT_MIN, DAY_OF_WEEK);
    private static final EvaluationContext EMPTY = new EvaluationContext(null, Map.of());

    /** Copies the variables (keeping null values) so the context cannot change after it is built. */
    public EvaluationContext {
        if (variables == null || variables.isEmpty()) {
            variables = Map.of();
        } else {
            // Not Map.copyOf: variable values may legitimately be null (a JSON null).
            variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
            for (String name : variables.keySet()) {
                if (name == null) {
                    throw new IllegalArgumentException("variable names must not be null");
                }
            }
        }
    }

    /** No time and no variables: what {@link Expression#matches(Map)} uses. */
    public static EvaluationContext empty() {
        return EMPTY;
    }

    /** Time-of-day variables for {@code now} in its own zone, no other variables. */
    public static EvaluationContext at(ZonedDateTime now) {
        return new EvaluationContext(Objects.requireNonNull(now, "now"), Map.of());
    }

    /** Time-of-day variables for {@code instant} seen in {@code zone}, e.g. a workflow's business-hours zone. */
    public static EvaluationContext at(Instant instant, ZoneId zone) {
        return at(ZonedDateTime.ofInstant(Objects.requireNonNull(instant, "instant"), Objects.requireNonNull(zone, "zone")));
    }

    /** A copy with one more (or a replaced) variable. */
    public EvaluationContext withVariable(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> copy = new LinkedHashMap<>(variables);
        copy.put(name, value);
        return new EvaluationContext(now, copy);
    }

    /** A copy with these variables added (replacing same-named ones). */
    public EvaluationContext withVariables(Map<String, ?> more) {
        Map<String, Object> copy = new LinkedHashMap<>(variables);
        copy.putAll(Objects.requireNonNull(more, "more"));
        return new EvaluationContext(now, copy);
    }

    /** The {@code skip_if} counts of a routing step's queue: {@code workers.available/unavailable/total}. */
    public EvaluationContext withWorkerCounts(int available, int unavailable) {
        return withVariables(Map.of(WORKERS_AVAILABLE, available, WORKERS_UNAVAILABLE, unavailable,
                WORKERS_TOTAL, available + unavailable));
    }

    /** Whether {@code name} is an explicit variable or, when {@code now} is set, a time-of-day variable. */
    public boolean defines(String name) {
        return variables.containsKey(name) || (now != null && TIME_VARIABLES.contains(name));
    }

    /** The value of a variable, or null when {@link #defines} is false (or the value is null). */
    public Object value(String name) {
        if (variables.containsKey(name)) {
            return variables.get(name);
        }
        if (now == null) {
            return null;
        }
        switch (name) {
            case CURRENT_TIME: return now.getHour() * 100 + now.getMinute();
            case CURRENT_HOUR: return now.getHour();
            case CURRENT_MIN: return now.getMinute();
            case DAY_OF_WEEK: return now.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            default: return null;
        }
    }
}
