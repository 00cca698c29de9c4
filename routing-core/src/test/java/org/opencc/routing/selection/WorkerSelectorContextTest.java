package org.opencc.routing.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencc.routing.expression.EvaluationContext;
import org.opencc.routing.expression.Expression;

/** Target expressions with time-of-day variables and the documented {@code worker.sid} built-in. */
class WorkerSelectorContextTest {

    private static final Expression EVERYONE = Expression.parse("1==1");
    private final WorkerSelector selector = new WorkerSelector();

    private static Candidate idle(String sid, Map<String, Object> attributes) {
        return new Candidate(sid, attributes, true, 1, 0, null);
    }

    @Test
    void targetExpressionCanUseTimeOfDay() {
        Expression nightShift = Expression.parse("worker.shift == 'night' OR taskrouter.currentHour < 20");
        List<Candidate> candidates = List.of(idle("WK1", Map.of("shift", "day")), idle("WK2", Map.of("shift", "night")));
        EvaluationContext evening = EvaluationContext.at(Instant.parse("2025-01-15T21:00:00Z"), ZoneId.of("UTC"));
        EvaluationContext morning = EvaluationContext.at(Instant.parse("2025-01-15T09:00:00Z"), ZoneId.of("UTC"));
        assertEquals(List.of("WK2"), selector.select(EVERYONE, nightShift, Map.of(), candidates, evening).eligibleInOrder());
        assertEquals(List.of("WK1", "WK2"),
                selector.select(EVERYONE, nightShift, Map.of(), candidates, morning).eligibleInOrder());
    }

    @Test
    void queueExpressionCanUseContextVariablesToo() {
        Expression queue = Expression.parse("skills HAS 'sales' AND taskrouter.dayOfWeek != 'Sun'");
        List<Candidate> candidates = List.of(idle("WK1", Map.of("skills", List.of("sales"))));
        EvaluationContext sunday = EvaluationContext.at(Instant.parse("2025-01-19T12:00:00Z"), ZoneId.of("UTC"));
        assertEquals(List.of(new Exclusion("WK1", ExclusionReason.NOT_IN_QUEUE)),
                selector.select(queue, null, Map.of(), candidates, sunday).exclusions());
    }

    @Test
    void workerSidIsABuiltInUnderWorker() {
        Expression notLastAgent = Expression.parse("worker.sid NOT IN task.previous_agents");
        Selection selection = selector.select(EVERYONE, notLastAgent, Map.of("previous_agents", List.of("WK1")),
                List.of(idle("WK1", Map.of()), idle("WK2", Map.of("sid", "WK1"))));
        assertEquals(Optional.of("WK2"), selection.chosenWorkerSid());
        assertEquals(List.of(new Exclusion("WK1", ExclusionReason.TARGET_EXPRESSION_FALSE)), selection.exclusions());
    }

    @Test
    void theFourArgumentSelectBehavesAsAnEmptyContext() {
        Expression target = Expression.parse("taskrouter.currentHour == null");
        List<Candidate> candidates = List.of(idle("WK1", Map.of()));
        assertEquals(selector.select(EVERYONE, target, Map.of(), candidates),
                selector.select(EVERYONE, target, Map.of(), candidates, EvaluationContext.empty()));
        assertEquals(Optional.of("WK1"), selector.select(EVERYONE, target, Map.of(), candidates).chosenWorkerSid());
    }
}
