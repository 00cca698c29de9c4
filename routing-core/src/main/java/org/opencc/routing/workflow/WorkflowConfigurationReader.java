package org.opencc.routing.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencc.routing.expression.Expression;
import org.opencc.routing.expression.ExpressionException;

/**
 * Reads workflow JSON into {@link WorkflowConfiguration}, validating as it goes so that every error names
 * the JSON path at fault. Unknown keys are ignored because Twilio workflows carry keys we do not route on.
 */
final class WorkflowConfigurationReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String ROOT = "(root)";

    WorkflowConfiguration read(String json) {
        if (json == null || json.isBlank()) {
            throw new WorkflowConfigurationException(ROOT, "configuration is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WorkflowConfigurationException(ROOT, "not valid JSON: " + e.getOriginalMessage()
                    + locationOf(e));
        }
        requireObject(root, ROOT);
        JsonNode routing = root.get("task_routing");
        if (routing == null || routing.isNull()) {
            throw new WorkflowConfigurationException("task_routing", "missing");
        }
        requireObject(routing, "task_routing");

        List<Filter> filters = filters(routing.get("filters"));
        Target defaultTarget = null;
        JsonNode defaultFilter = routing.get("default_filter");
        if (defaultFilter != null && !defaultFilter.isNull()) {
            defaultTarget = target(defaultFilter, "task_routing.default_filter");
        }
        if (filters.isEmpty() && defaultTarget == null) {
            throw new WorkflowConfigurationException("task_routing", "must define at least one filter or a default_filter");
        }
        return new WorkflowConfiguration(filters, defaultTarget);
    }

    private List<Filter> filters(JsonNode node) {
        String path = "task_routing.filters";
        List<Filter> filters = new ArrayList<>();
        if (node == null || node.isNull()) {
            return filters;
        }
        if (!node.isArray()) {
            throw new WorkflowConfigurationException(path, "must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            filters.add(filter(node.get(i), path + "[" + i + "]", i));
        }
        return filters;
    }

    private Filter filter(JsonNode node, String path, int index) {
        requireObject(node, path);
        String name = "filter " + index;
        JsonNode friendlyName = node.get("filter_friendly_name");
        if (friendlyName != null && !friendlyName.isNull()) {
            name = requireText(friendlyName, path + ".filter_friendly_name");
        }
        Expression expression = expression(node.get("expression"), path + ".expression", true);

        String targetsPath = path + ".targets";
        JsonNode targets = node.get("targets");
        if (targets == null || targets.isNull()) {
            throw new WorkflowConfigurationException(targetsPath, "missing");
        }
        if (!targets.isArray()) {
            throw new WorkflowConfigurationException(targetsPath, "must be an array");
        }
        if (targets.isEmpty()) {
            throw new WorkflowConfigurationException(targetsPath, "must name at least one target");
        }
        List<Target> parsed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            parsed.add(target(targets.get(i), targetsPath + "[" + i + "]"));
        }
        return new Filter(name, expression, parsed);
    }

    private Target target(JsonNode node, String path) {
        requireObject(node, path);
        JsonNode queueNode = node.get("queue");
        if (queueNode == null || queueNode.isNull()) {
            throw new WorkflowConfigurationException(path + ".queue", "missing");
        }
        String queue = requireText(queueNode, path + ".queue");
        if (!Target.QUEUE_SID.matcher(queue).matches()) {
            throw new WorkflowConfigurationException(path + ".queue",
                    "'" + queue + "' is not a queue sid (expected WQ followed by 32 lowercase hex characters)");
        }
        Expression workerExpression = expression(node.get("expression"), path + ".expression", false);
        Integer priority = integer(node.get("priority"), path + ".priority");
        Integer timeout = integer(node.get("timeout"), path + ".timeout");
        if (timeout != null && timeout <= 0) {
            throw new WorkflowConfigurationException(path + ".timeout", "must be a positive number of seconds, was " + timeout);
        }
        Expression skipIf = expression(node.get("skip_if"), path + ".skip_if", false);
        String orderBy = optionalText(node.get("order_by"), path + ".order_by");
        String knownWorkerSid = optionalText(node.get("known_worker_sid"), path + ".known_worker_sid");
        String knownWorkerName = optionalText(node.get("known_worker_friendly_name"),
                path + ".known_worker_friendly_name");
        return new Target(queue, workerExpression, priority, timeout, skipIf, orderBy, knownWorkerSid, knownWorkerName);
    }

    /** A string that may be absent or null; blank counts as absent. */
    private static String optionalText(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = requireText(node, path);
        return text.isBlank() ? null : text;
    }

    private static Expression expression(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new WorkflowConfigurationException(path, "missing");
            }
            return null;
        }
        String text = requireText(node, path);
        try {
            return Expression.parse(text);
        } catch (ExpressionException e) {
            throw new WorkflowConfigurationException(path, e.getMessage());
        }
    }

    private static Integer integer(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new WorkflowConfigurationException(path, "must be an integer, was " + node);
        }
        return node.intValue();
    }

    private static String requireText(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new WorkflowConfigurationException(path, "must be a string, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return node.textValue();
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new WorkflowConfigurationException(path, "must be a JSON object, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
