package org.opencc.context.crm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every source answered for one read.
 *
 * @param customer the answers of {@code into=customer} sources, merged in source order (the first source naming a
 *     member wins); empty when none arrived
 * @param records the answers of {@code into=records} sources by section, only those that arrived
 * @param sources one report per source, in source order
 * @param missingRequired the required sources that gave nothing, not even a stale answer
 */
public record FanOutResult(Optional<Map<String, Object>> customer, Map<String, Object> records,
        List<SourceReport> sources, List<String> missingRequired) {

    /** Whether any source's answer is missing or stale. */
    public boolean partial() {
        return sources.stream().anyMatch(report -> report.status() != SourceStatus.OK
                && report.status() != SourceStatus.NOT_FOUND);
    }
}
