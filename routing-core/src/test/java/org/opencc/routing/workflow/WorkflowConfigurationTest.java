package org.opencc.routing.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowConfigurationTest {

    static final String SPANISH = "WQ" + "a".repeat(32);
    static final String VIP = "WQ" + "b".repeat(32);
    static final String SPANISH_OVERFLOW = "WQ" + "c".repeat(32);
    static final String EVERYONE = "WQ" + "0123456789abcdef".repeat(2);

    private static final String WORKFLOW = """
            {"task_routing": {
              "filters": [
                {"filter_friendly_name": "Spanish", "expression": "language == 'es'",
                 "targets": [
                   {"queue": "%s", "expression": "task.level <= worker.level", "priority": 5, "timeout": 30},
                   {"queue": "%s"}
                 ]},
                {"filter_friendly_name": "VIP", "expression": "vip == true", "targets": [{"queue": "%s"}]},
                {"expression": "1==1 AND channel == 'sms'", "targets": [{"queue": "%s"}]}
              ],
              "default_filter": {"queue": "%s"}
            }}
            """.formatted(SPANISH, SPANISH_OVERFLOW, VIP, VIP, EVERYONE);

    private final WorkflowConfiguration workflow = WorkflowConfiguration.parse(WORKFLOW);

    @Test
    void parsesFiltersTargetsAndDefault() {
        assertEquals(3, workflow.filters().size());
        Target first = workflow.filters().get(0).targets().get(0);
        assertEquals(SPANISH, first.queueSid());
        assertEquals("task.level <= worker.level", first.workerExpression().text());
        assertEquals(5, first.priority());
        assertEquals(30, first.timeoutSeconds());
        Target second = workflow.filters().get(0).targets().get(1);
        assertNull(second.workerExpression());
        assertNull(second.priority());
        assertNull(second.timeoutSeconds());
        assertEquals(EVERYONE, workflow.defaultTarget().orElseThrow().queueSid());
    }

    @Test
    void unnamedFiltersGetAZeroBasedPositionalName() {
        assertEquals("filter 2", workflow.filters().get(2).name());
    }

    @Test
    void queueSidsNamesEveryQueueOnce() {
        assertEquals(Set.of(SPANISH, SPANISH_OVERFLOW, VIP, EVERYONE), workflow.queueSids());
    }

    @Test
    void firstMatchingFilterWins() {
        RoutingDecision decision = workflow.evaluate(Map.of("language", "es", "vip", true));
        assertEquals("Spanish", decision.matchedFilter());
        assertEquals(List.of(SPANISH, SPANISH_OVERFLOW),
                decision.targets().stream().map(Target::queueSid).toList());
        assertEquals(List.of(new FilterOutcome("Spanish", "language == 'es'", true)), decision.filtersTried());
    }

    @Test
    void laterFilterMatchesWhenEarlierOnesDoNot() {
        RoutingDecision decision = workflow.evaluate(Map.of("language", "en", "vip", true));
        assertEquals("VIP", decision.matchedFilter());
        assertEquals(List.of(
                new FilterOutcome("Spanish", "language == 'es'", false),
                new FilterOutcome("VIP", "vip == true", true)), decision.filtersTried());
    }

    @Test
    void defaultFilterAppliesWhenNothingMatches() {
        RoutingDecision decision = workflow.evaluate(Map.of("language", "en"));
        assertEquals(WorkflowConfiguration.DEFAULT_FILTER, decision.matchedFilter());
        assertEquals(List.of(Target.queue(EVERYONE)), decision.targets());
        assertEquals(3, decision.filtersTried().size());
        assertTrue(decision.filtersTried().stream().noneMatch(FilterOutcome::matched));
    }

    @Test
    void nothingMatchesWithoutDefaultFilter() {
        WorkflowConfiguration noDefault = WorkflowConfiguration.parse("""
                {"task_routing":{"filters":[{"expression":"language=='es'","targets":[{"queue":"%s"}]}]}}
                """.formatted(SPANISH));
        RoutingDecision decision = noDefault.evaluate(Map.of());
        assertNull(decision.matchedFilter());
        assertFalse(decision.matched());
        assertTrue(decision.targets().isEmpty());
        assertEquals(1, decision.filtersTried().size());
    }

    @Test
    void defaultFilterAloneIsAValidWorkflow() {
        WorkflowConfiguration onlyDefault = WorkflowConfiguration.parse(
                "{\"task_routing\":{\"default_filter\":{\"queue\":\"%s\"}}}".formatted(EVERYONE));
        assertTrue(onlyDefault.filters().isEmpty());
        assertEquals("default_filter", onlyDefault.evaluate(null).matchedFilter());
        assertEquals(Set.of(EVERYONE), onlyDefault.queueSids());
    }

    @Test
    void unknownKeysAreIgnored() {
        WorkflowConfiguration parsed = WorkflowConfiguration.parse("""
                {"task_routing":{"filters":[{"expression":"1==1","targets":[{"queue":"%s","order_by":"x"}],
                 "skip_if":"y"}]}, "other": 1}
                """.formatted(SPANISH));
        assertEquals(1, parsed.filters().size());
    }
}
