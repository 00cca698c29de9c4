package org.opencc.routing.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkflowConfigurationErrorTest {

    private static final String Q = WorkflowConfigurationTest.SPANISH;

    private static WorkflowConfigurationException fail(String json) {
        return assertThrows(WorkflowConfigurationException.class, () -> WorkflowConfiguration.parse(json));
    }

    private static String withFilters(String filters) {
        return "{\"task_routing\":{\"filters\":" + filters + "}}";
    }

    private static String filter(String expression) {
        return "{\"expression\":\"" + expression + "\",\"targets\":[{\"queue\":\"" + Q + "\"}]}";
    }

    @Test
    void missingTaskRoutingIsNamed() {
        assertEquals("task_routing: missing", fail("{}").getMessage());
        assertEquals("task_routing", fail("{}").pointer());
    }

    @Test
    void invalidJsonIsReportedAgainstTheRoot() {
        assertTrue(fail("{\"task_routing\":").getMessage().startsWith("(root): not valid JSON"));
        assertTrue(fail("{} {}").getMessage().startsWith("(root): not valid JSON"));
        assertEquals("(root): configuration is empty", fail(" ").getMessage());
        assertEquals("(root): must be a JSON object, was array", fail("[]").getMessage());
    }

    @Test
    void badFilterExpressionNamesThePointerAndPosition() {
        WorkflowConfigurationException e = fail(withFilters("[" + filter("language==") + "]"));
        assertEquals("task_routing.filters[0].expression: expected a value after '==' at position 10", e.getMessage());
        assertEquals("task_routing.filters[0].expression", e.pointer());
    }

    @Test
    void missingFilterExpressionIsNamed() {
        assertEquals("task_routing.filters[0].expression: missing",
                fail(withFilters("[{\"targets\":[{\"queue\":\"" + Q + "\"}]}]")).getMessage());
    }

    @Test
    void blankFilterExpressionIsRejected() {
        assertEquals("task_routing.filters[0].expression: expression is empty at position 0",
                fail(withFilters("[" + filter(" ") + "]")).getMessage());
    }

    @Test
    void filterWithoutTargetsIsNamed() {
        String json = withFilters("[" + filter("1==1") + ",{\"expression\":\"1==1\",\"targets\":[]}]");
        assertEquals("task_routing.filters[1].targets: must name at least one target", fail(json).getMessage());
        assertEquals("task_routing.filters[0].targets: missing",
                fail(withFilters("[{\"expression\":\"1==1\"}]")).getMessage());
    }

    @Test
    void malformedQueueSidIsNamed() {
        String json = withFilters("[{\"expression\":\"1==1\",\"targets\":[{\"queue\":\"" + Q + "\"},{\"queue\":\"WQ123\"}]}]");
        WorkflowConfigurationException e = fail(json);
        assertEquals("task_routing.filters[0].targets[1].queue", e.pointer());
        assertTrue(e.getMessage().contains("'WQ123' is not a queue sid"));
        assertEquals("task_routing.filters[0].targets[0].queue: missing",
                fail(withFilters("[{\"expression\":\"1==1\",\"targets\":[{}]}]")).getMessage());
    }

    @Test
    void uppercaseHexInQueueSidIsRejected() {
        String sid = "WQ" + "A".repeat(32);
        assertEquals("task_routing.filters[0].targets[0].queue",
                fail(withFilters("[{\"expression\":\"1==1\",\"targets\":[{\"queue\":\"" + sid + "\"}]}]")).pointer());
    }

    @Test
    void badTargetExpressionIsNamed() {
        String json = withFilters("[{\"expression\":\"1==1\",\"targets\":[{\"queue\":\"" + Q
                + "\",\"expression\":\"task.language ==\"}]}]");
        assertEquals("task_routing.filters[0].targets[0].expression: expected a value after '==' at position 16",
                fail(json).getMessage());
    }

    @Test
    void nonPositiveTimeoutIsRejected() {
        String json = withFilters("[{\"expression\":\"1==1\",\"targets\":[{\"queue\":\"" + Q + "\",\"timeout\":0}]}]");
        assertEquals("task_routing.filters[0].targets[0].timeout: must be a positive number of seconds, was 0",
                fail(json).getMessage());
    }

    @Test
    void nonIntegerPriorityAndTimeoutAreRejected() {
        String priority = withFilters("[{\"expression\":\"1==1\",\"targets\":[{\"queue\":\"" + Q + "\",\"priority\":\"5\"}]}]");
        assertEquals("task_routing.filters[0].targets[0].priority", fail(priority).pointer());
        String timeout = withFilters("[{\"expression\":\"1==1\",\"targets\":[{\"queue\":\"" + Q + "\",\"timeout\":1.5}]}]");
        assertEquals("task_routing.filters[0].targets[0].timeout", fail(timeout).pointer());
    }

    @Test
    void wrongShapesAreNamed() {
        assertEquals("task_routing.filters: must be an array", fail(withFilters("{}")).getMessage());
        assertEquals("task_routing.filters[0]: must be a JSON object, was string", fail(withFilters("[\"x\"]")).getMessage());
        assertEquals("task_routing.filters[0].filter_friendly_name",
                fail(withFilters("[{\"filter_friendly_name\":3,\"expression\":\"1==1\"}]")).pointer());
        assertEquals("task_routing.filters[0].expression: must be a string, was number",
                fail(withFilters("[{\"expression\":1}]")).getMessage());
    }

    @Test
    void badDefaultFilterIsNamed() {
        assertEquals("task_routing.default_filter.queue: missing",
                fail("{\"task_routing\":{\"default_filter\":{}}}").getMessage());
    }

    @Test
    void workflowWithNoFiltersAndNoDefaultIsRejected() {
        assertEquals("task_routing: must define at least one filter or a default_filter",
                fail("{\"task_routing\":{\"filters\":[]}}").getMessage());
    }
}
