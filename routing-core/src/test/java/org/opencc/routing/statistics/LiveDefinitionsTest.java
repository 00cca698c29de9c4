package org.opencc.routing.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveDefinitionsTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void anAgeIsWholeSecondsRoundedDown() {
        assertEquals(0, LiveDefinitions.ageSeconds(T, T.plusMillis(999)));
        assertEquals(61, LiveDefinitions.ageSeconds(T, T.plusMillis(61_999)));
    }

    @Test
    void anAgeFromTheFutureIsZero() {
        assertEquals(0, LiveDefinitions.ageSeconds(T.plusSeconds(2), T));
    }

    @Test
    void waitingMeansNotYetAccepted() {
        assertEquals(List.of("pending", "reserved"), LiveDefinitions.WAITING);
        assertEquals("('pending', 'reserved')", LiveDefinitions.sqlList(LiveDefinitions.WAITING));
    }

    @Test
    void onlyStatusesBecomeSql() {
        assertThrows(IllegalArgumentException.class, () -> LiveDefinitions.sqlList(List.of("x'); DROP")));
    }
}
