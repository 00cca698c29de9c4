package org.opencc.reporting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.opencc.support.problem.ProblemException;

/** Instants in query parameters ({@code from}, {@code to}): ISO-8601 with {@code Z} or an offset, else a 400. */
public final class QueryInstants {
    private QueryInstants() {}

    /** The instant {@code value} names, e.g. {@code 2026-05-20T09:00:00Z}; a 400 naming {@code field} otherwise. */
    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required: an ISO-8601 instant such as 2026-05-20T09:00:00Z");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant such as 2026-05-20T09:00:00Z");
        }
    }
}
