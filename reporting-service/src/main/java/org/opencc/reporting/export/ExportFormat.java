package org.opencc.reporting.export;

import java.util.Locale;
import org.opencc.support.problem.ProblemException;

/** {@code format=csv} (the default) or {@code format=jsonl} (JSON Lines: one JSON object per line). */
enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    JSONL("application/jsonl; charset=utf-8", "jsonl");

    final String mediaType;
    final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static ExportFormat parse(String value) {
        if (value == null || value.isEmpty()) {
            return CSV;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "jsonl" -> JSONL;
            default -> throw ProblemException.invalid("format", "must be csv or jsonl");
        };
    }
}
