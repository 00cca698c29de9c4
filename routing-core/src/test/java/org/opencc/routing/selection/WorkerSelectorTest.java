package org.opencc.routing.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencc.routing.expression.Expression;

class WorkerSelectorTest {

    private static final Expression EVERYONE = Expression.parse("1==1");
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final WorkerSelector selector = new WorkerSelector();

    private static Candidate idle(String sid, Map<String, Object> attributes, Instant lastAssignedAt) {
        return new Candidate(sid, attributes, true, 1, 0, lastAssignedAt);
    }

    @Test
    void choosesTheOnlyEligibleWorker() {
        Selection selection = selector.select(EVERYONE, null, Map.of(), List.of(idle("WK1", Map.of(), T0)));
        assertEquals(Optional.of("WK1"), selection.chosenWorkerSid());
        assertEquals(List.of("WK1"), selection.eligibleInOrder());
        assertTrue(selection.exclusions().isEmpty());
    }

    @Test
    void excludesWorkersOutsideTheQueue() {
        Expression spanish = Expression.parse("languages HAS 'es'");
        Selection selection = selector.select(spanish, null, Map.of(), List.of(
                idle("WK1", Map.of("languages", List.of("en")), null),
                idle("WK2", Map.of("languages", List.of("en", "es")), null)));
        assertEquals(Optional.of("WK2"), selection.chosenWorkerSid());
        assertEquals(List.of(new Exclusion("WK1", ExclusionReason.NOT_IN_QUEUE)), selection.exclusions());
        assertEquals("NOT_IN_QUEUE", selection.exclusions().get(0).reason());
    }

    @Test
    void targetExpressionSeesTaskAttributesUnderTaskAndWorkerAttributesBothWays() {
        Expression target = Expression.parse("level >= task.level AND worker.team == task.team");
        Map<String, Object> task = Map.of("level", 3, "team", "red");
        Selection selection = selector.select(EVERYONE, target, task, List.of(
                idle("WK1", Map.of("level", 2, "team", "red"), null),
                idle("WK2", Map.of("level", 5, "team", "blue"), null),
                idle("WK3", Map.of("level", 5, "team", "red"), null)));
        assertEquals(Optional.of("WK3"), selection.chosenWorkerSid());
        assertEquals(List.of(
                new Exclusion("WK1", ExclusionReason.TARGET_EXPRESSION_FALSE),
                new Exclusion("WK2", ExclusionReason.TARGET_EXPRESSION_FALSE)), selection.exclusions());
    }

    @Test
    void queueExpressionCanUseTheWorkerPrefix() {
        Selection selection = selector.select(Expression.parse("worker.team == 'red'"), null, Map.of(),
                List.of(idle("WK1", Map.of("team", "red"), null)));
        assertEquals(Optional.of("WK1"), selection.chosenWorkerSid());
    }

    @Test
    void excludesUnavailableWorkers() {
        Selection selection = selector.select(EVERYONE, null, Map.of(), List.of(
                new Candidate("WK1", Map.of(), false, 1, 0, null)));
        assertEquals(Optional.empty(), selection.chosenWorkerSid());
        assertEquals(List.of(new Exclusion("WK1", ExclusionReason.UNAVAILABLE)), selection.exclusions());
        assertTrue(selection.eligibleInOrder().isEmpty());
    }

    @Test
    void excludesWorkersWithoutCapacity() {
        Selection selection = selector.select(EVERYONE, null, Map.of(), List.of(
                new Candidate("WK1", Map.of(), true, 2, 2, null),
                new Candidate("WK2", Map.of(), true, 0, 0, null),
                new Candidate("WK3", Map.of(), true, 2, 1, T0)));
        assertEquals(Optional.of("WK3"), selection.chosenWorkerSid());
        assertEquals(List.of(
                new Exclusion("WK1", ExclusionReason.NO_CAPACITY),
                new Exclusion("WK2", ExclusionReason.NO_CAPACITY)), selection.exclusions());
    }

    @Test
    void reportsOnlyTheFirstApplicableReason() {
        Candidate everythingWrong = new Candidate("WK1", Map.of(), false, 1, 1, null);
        Selection selection = selector.select(Expression.parse("team == 'red'"), null, Map.of(), List.of(everythingWrong));
        assertEquals(ExclusionReason.NOT_IN_QUEUE, selection.exclusions().get(0).reasonCode());
    }

    @Test
    void ordersByLongestIdleWithNeverAssignedFirstAndTiesBySid() {
        Selection selection = selector.select(EVERYONE, null, Map.of(), List.of(
                idle("WK5", Map.of(), T0.plusSeconds(60)),
                idle("WK4", Map.of(), T0),
                idle("WK3", Map.of(), null),
                idle("WK2", Map.of(), T0),
                idle("WK1", Map.of(), null)));
        assertEquals(List.of("WK1", "WK3", "WK2", "WK4", "WK5"), selection.eligibleInOrder());
        assertEquals(Optional.of("WK1"), selection.chosenWorkerSid());
    }

    @Test
    void noCandidatesMeansNoChoice() {
        Selection selection = selector.select(EVERYONE, null, null, List.of());
        assertEquals(Optional.empty(), selection.chosenWorkerSid());
    }
}
