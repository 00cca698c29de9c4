package org.opencc.routing.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityAndRecordsTest {

    @Test
    void capacityWithFreeSlotsHasRoom() {
        ChannelCapacity capacity = new ChannelCapacity(3, 1);
        assertTrue(capacity.hasRoom());
        assertEquals(2, capacity.available());
    }

    @Test
    void fullOrZeroCapacityHasNoRoom() {
        assertFalse(new ChannelCapacity(2, 2).hasRoom());
        assertFalse(new ChannelCapacity(0, 0).hasRoom());
        assertEquals(0, new ChannelCapacity(0, 0).available());
    }

    @Test
    void overAssignmentAfterLoweredCapacityReportsZeroAvailable() {
        ChannelCapacity capacity = new ChannelCapacity(1, 3);
        assertFalse(capacity.hasRoom());
        assertEquals(0, capacity.available());
    }

    @Test
    void negativeValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelCapacity(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ChannelCapacity(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Candidate("WK1", Map.of(), true, -1, 0, null));
    }

    @Test
    void candidateCopiesAttributesAndAcceptsNullValues() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("team", null);
        Candidate candidate = new Candidate("WK1", attributes, true, 1, 0, null);
        attributes.put("level", 1);
        assertEquals(1, candidate.attributes().size());
        assertTrue(new Candidate("WK2", null, true, 1, 0, null).attributes().isEmpty());
    }

    @Test
    void exclusionReasonMustNameAnEnumConstant() {
        assertThrows(IllegalArgumentException.class, () -> new Exclusion("WK1", "TIRED"));
        assertEquals("UNAVAILABLE", new Exclusion("WK1", ExclusionReason.UNAVAILABLE).reason());
    }
}
