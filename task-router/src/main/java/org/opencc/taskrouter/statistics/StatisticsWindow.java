package org.opencc.taskrouter.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencc.taskrouter.api.Form;
import org.opencc.taskrouter.api.TwilioErrors;

/**
 * The interval cumulative statistics cover, {@code [start, end)}, read from TaskRouter's {@code Minutes} or
 * {@code StartDate}/{@code EndDate} (default: the last 15 minutes), and the {@code SplitByWaitTime} thresholds.
 */
public record StatisticsWindow(Instant start, Instant end, List<Integer> splitByWaitTime) {
    /** Twilio keeps cumulative statistics for 30 days; a longer interval is refused. */
    public static final int MAX_MINUTES = 30 * 24 * 60;
    public static final int DEFAULT_MINUTES = 15;

    public static StatisticsWindow from(Form query, Instant now) {
        Optional<Integer> minutes = query.integer("Minutes", 1, MAX_MINUTES);
        Optional<Instant> startDate = date(query, "StartDate");
        Optional<Instant> endDate = date(query, "EndDate");
        if (minutes.isPresent() && startDate.isPresent()) {
            throw TwilioErrors.invalid("Minutes", "cannot be combined with StartDate");
        }
        Instant end = endDate.orElse(now);
        Instant start = minutes.map(m -> end.minus(Duration.ofMinutes(m)))
                .orElseGet(() -> startDate.orElse(end.minus(Duration.ofMinutes(DEFAULT_MINUTES))));
        if (!start.isBefore(end)) {
            throw TwilioErrors.invalid("StartDate", "must be before EndDate");
        }
        if (Duration.between(start, end).toMinutes() > MAX_MINUTES) {
            throw TwilioErrors.invalid("StartDate", "must be at most 30 days before EndDate");
        }
        return new StatisticsWindow(start, end, splits(query));
    }

    /**
     * ISO-8601: with an offset or {@code Z}, or without one as the SDKs send it ({@code yyyy-MM-dd'T'HH:mm:ss},
     * read as UTC), or a date alone (its midnight UTC).
     */
    private static Optional<Instant> date(Form query, String name) {
        Optional<String> raw = query.optional(name).map(String::trim);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String text = raw.get();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    throw TwilioErrors.invalid(name, "must be an ISO-8601 date and time");
                }
            }
        }
    }

    /** Comma-separated whole seconds, e.g. {@code 5,30,60}; at most 10 thresholds, each 1 to 86400. */
    private static List<Integer> splits(Form query) {
        List<Integer> thresholds = new ArrayList<>();
        for (String part : query.all("SplitByWaitTime")) {
            try {
                int seconds = Integer.parseInt(part);
                if (seconds < 1 || seconds > 86_400) {
                    throw TwilioErrors.invalid("SplitByWaitTime", "each value must be between 1 and 86400 seconds");
                }
                if (!thresholds.contains(seconds)) {
                    thresholds.add(seconds);
                }
            } catch (NumberFormatException e) {
                throw TwilioErrors.invalid("SplitByWaitTime", "must be comma-separated whole seconds");
            }
        }
        if (thresholds.size() > 10) {
            throw TwilioErrors.invalid("SplitByWaitTime", "at most 10 values");
        }
        thresholds.sort(Integer::compare);
        return thresholds;
    }
}
