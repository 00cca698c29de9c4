package org.opencc.context.crm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whose context a read is for: the values a source's path template may use.
 *
 * @param taskSid the task, null for a supervisor's read by customer key
 * @param attributes the task's attributes (a JSON object), null when unknown
 */
public record ContextSubject(String taskSid, String interactionId, String workspaceSid, String channel,
        String customerKey, JsonNode attributes) {

    /** A read by customer key alone. */
    public static ContextSubject ofCustomer(String customerKey) {
        return new ContextSubject(null, null, null, null, customerKey, null);
    }

    /**
     * The cache scope of this subject's answers: per task (so they end with its reservation), or per customer for
     * reads without a task.
     */
    public String cacheScope() {
        return taskSid != null ? taskSid : "customer:" + customerKey;
    }

    /** The value of a template variable, null when this subject has none. */
    String value(String variable) {
        switch (variable) {
            case "customer_key":
                return customerKey;
            case "task_sid":
                return taskSid;
            case "interaction_id":
                return interactionId;
            case "workspace_sid":
                return workspaceSid;
            case "channel":
                return channel;
            default:
                break;
        }
        if (!variable.startsWith(PathTemplate.ATTRIBUTES) || attributes == null) {
            return null;
        }
        JsonNode node = attributes;
        for (String member : variable.substring(PathTemplate.ATTRIBUTES.length()).split("\\.")) {
            node = node == null ? null : node.get(member);
        }
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
