package org.opencc.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * EVENTS.md's topic table states the retention the topics are created with ({@link Topics#retention}), and no topic
 * keeps records longer than the erasure deadline of any policy: one month (GDPR art. 12(3)), 30 days here.
 */
class TopicRetentionDocumentedTest {
    private static final Duration ERASURE_DEADLINE = Duration.ofDays(30);
    private static final Pattern ROW = Pattern.compile("^\\| `(cc\\.[a-z.-]+v1)` \\|[^|]*\\|[^|]*\\| (\\d+) days \\|");

    @Test
    void eachTopicsDocumentedRetentionIsTheOneItIsCreatedWith() throws IOException {
        Map<String, Duration> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("EVENTS.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                documented.put(row.group(1), Duration.ofDays(Long.parseLong(row.group(2))));
            }
        }
        assertEquals(Topics.all().size(), documented.size(), "every topic has a row in EVENTS.md: " + documented);
        for (String topic : Topics.all()) {
            assertEquals(Topics.retention(topic), documented.get(topic), topic);
            assertEquals(Long.toString(Topics.retention(topic).toMillis()), Topics.config(topic).get("retention.ms"));
        }
    }

    @Test
    void noTopicOutlivesTheErasureDeadline() {
        for (String topic : Topics.all()) {
            assertTrue(Topics.retention(topic).compareTo(ERASURE_DEADLINE) <= 0, topic + " keeps records for "
                    + Topics.retention(topic).toDays() + " days");
        }
    }
}
