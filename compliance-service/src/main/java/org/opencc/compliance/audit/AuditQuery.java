package org.opencc.compliance.audit;

import java.util.ArrayList;
import java.util.List;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;

/**
 * What {@code GET /v1/audit} asks for: the entries of exactly one interaction or one task.
 *
 * @param interactionId the interaction, or null when the query is by task
 * @param taskSid the task, or null when the query is by interaction
 * @param limit at most this many entries, 1..{@value #MAX_LIMIT}
 */
public record AuditQuery(String interactionId, String taskSid, int limit) {
    public static final String INTERACTION_ID = "interaction_id";
    public static final String TASK_SID = "task_sid";
    public static final String LIMIT = "limit";
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    /**
     * Reads the query parameters as given (null when absent; an empty parameter counts as absent).
     *
     * @throws ProblemException {@code validation-failed} naming every parameter that is wrong
     */
    public static AuditQuery parse(String givenInteractionId, String givenTaskSid, String limit) {
        String interactionId = blankToNull(givenInteractionId);
        String taskSid = blankToNull(givenTaskSid);
        List<FieldError> errors = new ArrayList<>();
        if (interactionId == null && taskSid == null) {
            String message = "give interaction_id or task_sid";
            errors.add(new FieldError(INTERACTION_ID, message));
            errors.add(new FieldError(TASK_SID, message));
        } else if (interactionId != null && taskSid != null) {
            String message = "give only one of interaction_id and task_sid";
            errors.add(new FieldError(INTERACTION_ID, message));
            errors.add(new FieldError(TASK_SID, message));
        } else if (interactionId != null && !Sids.isValid("IN", interactionId)) {
            errors.add(new FieldError(INTERACTION_ID, "must be IN followed by 32 lower-case hex digits"));
        } else if (taskSid != null && !Sids.isValid("WT", taskSid)) {
            errors.add(new FieldError(TASK_SID, "must be WT followed by 32 lower-case hex digits"));
        }
        int parsedLimit = parseLimit(blankToNull(limit), errors);
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }
        return new AuditQuery(interactionId, taskSid, parsedLimit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static int parseLimit(String limit, List<FieldError> errors) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add(new FieldError(LIMIT, "must be an integer from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
