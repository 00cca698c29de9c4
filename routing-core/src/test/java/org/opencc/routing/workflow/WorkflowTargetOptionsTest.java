package org.opencc.routing.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencc.routing.expression.EvaluationContext;
import org.opencc.routing.expression.Expression;

/** skip_if, order_by, known worker fields, and evaluation with a context. */
class WorkflowTargetOptionsTest {

    private static final String Q = WorkflowConfigurationTest.SPANISH;
    private static final String OVERFLOW = WorkflowConfigurationTest.SPANISH_OVERFLOW;
    private static final String AFTER_HOURS = WorkflowConfigurationTest.EVERYONE;
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static final String WORKFLOW = """
            {"task_routing": {
              "filters": [
                {"filter_friendly_name": "Business hours",
                 "expression": "taskrouter.dayOfWeek IN ['Mon','Tue','Wed','Thu','Fri'] AND taskrouter.currentHour >= 9 AND taskrouter.currentHour < 18",
                 "targets": [
                   {"queue": "%s", "known_worker_sid": "task.last_agent_sid", "timeout": 20},
                   {"queue": "%s", "expression": "task.language IN worker.languages", "skip_if": "workers.available == 0",
                    "order_by": "worker.level DESC, worker.tenure ASC", "known_worker_friendly_name": "task.agent_name"},
                   {"queue": "%s"}
                 ]}
              ],
              "default_filter": {"queue": "%s"}
            }}
            """.formatted(Q, OVERFLOW, Q, AFTER_HOURS);

    private final WorkflowConfiguration workflow = WorkflowConfiguration.parse(WORKFLOW);

    private static String withTarget(String targetJson) {
        return "{\"task_routing\":{\"filters\":[{\"expression\":\"1==1\",\"targets\":[{\"queue\":\"" + Q + "\"},"
                + targetJson + "]}]}}";
    }

    private static WorkflowConfigurationException fail(String json) {
        return assertThrows(WorkflowConfigurationException.class, () -> WorkflowConfiguration.parse(json));
    }

    @Test
    void targetOptionsAreParsedAndKept() {
        List<Target> targets = workflow.filters().get(0).targets();
        Target first = targets.get(0);
        assertEquals("task.last_agent_sid", first.knownWorkerSid());
        assertNull(first.knownWorkerFriendlyName());
        assertNull(first.skipIf());
        assertNull(first.orderBy());
        Target second = targets.get(1);
        assertEquals("workers.available == 0", second.skipIf().text());
        assertEquals("worker.level DESC, worker.tenure ASC", second.orderBy());
        assertEquals("task.agent_name", second.knownWorkerFriendlyName());
        assertNull(second.knownWorkerSid());
        assertEquals(new Target(Q, null, null, null), targets.get(2));
    }

    @Test
    void theOriginalFourArgumentConstructorStillWorks() {
        Target target = new Target(Q, Expression.parse("1==1"), 3, 10);
        assertNull(target.skipIf());
        assertNull(target.orderBy());
        assertNull(target.knownWorkerSid());
        assertNull(target.knownWorkerFriendlyName());
        assertEquals(Target.queue(Q), new Target(Q, null, null, null, null, null, null, null));
        assertFalse(target.skips(Map.of(), EvaluationContext.empty().withWorkerCounts(0, 0)));
    }

    @Test
    void skipIfIsTrueOnlyWhenTheStepHasNoAvailableWorkers() {
        Target step = workflow.filters().get(0).targets().get(1);
        assertTrue(step.skips(Map.of(), EvaluationContext.empty().withWorkerCounts(0, 5)));
        assertFalse(step.skips(Map.of(), EvaluationContext.empty().withWorkerCounts(1, 5)));
        // Without counts the variable is missing, and a missing value is never == 0.
        assertFalse(step.skips(Map.of(), EvaluationContext.empty()));
        assertFalse(step.skips(null, EvaluationContext.empty()));
    }

    @Test
    void skipIfSeesTaskAttributesDirectlyAndUnderTask() {
        Target target = WorkflowConfiguration.parse(withTarget("{\"queue\":\"" + OVERFLOW
                + "\",\"skip_if\":\"workers.available == 0 AND (vip != true OR task.vip != true)\"}"))
                .filters().get(0).targets().get(1);
        EvaluationContext none = EvaluationContext.empty().withWorkerCounts(0, 0);
        assertTrue(target.skips(Map.of("vip", false), none));
        assertFalse(target.skips(Map.of("vip", true), none));
    }

    @Test
    void invalidSkipIfNamesThePointerAndPosition() {
        WorkflowConfigurationException e = fail(withTarget("{\"queue\":\"" + OVERFLOW
                + "\",\"skip_if\":\"workers.available ==\"}"));
        assertEquals("task_routing.filters[0].targets[1].skip_if", e.pointer());
        assertEquals("task_routing.filters[0].targets[1].skip_if: expected a value after '==' at position 20",
                e.getMessage());
        assertEquals("task_routing.filters[0].targets[1].skip_if: expression is empty at position 0",
                fail(withTarget("{\"queue\":\"" + OVERFLOW + "\",\"skip_if\":\" \"}")).getMessage());
        assertEquals("task_routing.filters[0].targets[1].skip_if: must be a string, was number",
                fail(withTarget("{\"queue\":\"" + OVERFLOW + "\",\"skip_if\":0}")).getMessage());
    }

    @Test
    void skipIfOnTheDefaultFilterIsValidatedToo() {
        WorkflowConfigurationException e = fail("{\"task_routing\":{\"default_filter\":{\"queue\":\"" + Q
                + "\",\"skip_if\":\"(\"}}}");
        assertEquals("task_routing.default_filter.skip_if", e.pointer());
    }

    @Test
    void nonStringOptionsAreNamed() {
        assertEquals("task_routing.filters[0].targets[1].order_by: must be a string, was number",
                fail(withTarget("{\"queue\":\"" + OVERFLOW + "\",\"order_by\":1}")).getMessage());
        assertEquals("task_routing.filters[0].targets[1].known_worker_sid: must be a string, was object",
                fail(withTarget("{\"queue\":\"" + OVERFLOW + "\",\"known_worker_sid\":{}}")).getMessage());
        assertEquals("task_routing.filters[0].targets[1].known_worker_friendly_name",
                fail(withTarget("{\"queue\":\"" + OVERFLOW + "\",\"known_worker_friendly_name\":true}")).pointer());
    }

    @Test
    void blankOrNullOptionalStringsAreAbsent() {
        Target target = WorkflowConfiguration.parse(withTarget("{\"queue\":\"" + OVERFLOW
                + "\",\"order_by\":\"\",\"known_worker_sid\":null,\"skip_if\":null}")).filters().get(0).targets().get(1);
        assertNull(target.orderBy());
        assertNull(target.knownWorkerSid());
        assertNull(target.skipIf());
    }

    @Test
    void filtersSeeTimeOfDayInTheContextsZone() {
        // Wednesday 08:30 UTC is 09:30 in Madrid: open there, closed in UTC.
        Instant instant = Instant.parse("2025-01-15T08:30:00Z");
        RoutingDecision madrid = workflow.evaluate(Map.of(), EvaluationContext.at(instant, MADRID));
        assertEquals("Business hours", madrid.matchedFilter());
        assertEquals(3, madrid.targets().size());
        RoutingDecision utc = workflow.evaluate(Map.of(), EvaluationContext.at(instant, ZoneId.of("UTC")));
        assertEquals(WorkflowConfiguration.DEFAULT_FILTER, utc.matchedFilter());
        // Saturday is closed everywhere.
        RoutingDecision saturday = workflow.evaluate(Map.of(),
                EvaluationContext.at(Instant.parse("2025-01-18T10:00:00Z"), MADRID));
        assertEquals(List.of(Target.queue(AFTER_HOURS)), saturday.targets());
    }

    @Test
    void evaluateWithoutContextHasNoTimeVariables() {
        assertEquals(WorkflowConfiguration.DEFAULT_FILTER, workflow.evaluate(Map.of()).matchedFilter());
        assertEquals(workflow.evaluate(Map.of("x", 1)), workflow.evaluate(Map.of("x", 1), EvaluationContext.empty()));
        assertThrows(NullPointerException.class, () -> workflow.evaluate(Map.of(), null));
    }
}
