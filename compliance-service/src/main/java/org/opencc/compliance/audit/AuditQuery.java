package org.opencc.compliance.audit;

import java.util.ArrayList;
import java.util.List;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;

/**
 * What {@code GET /v1/audit} asks for: the entries of one interaction or one task, of one actor, or of one actor
 * within one interaction or task. Never the whole trail: an audit is read by subject or by who acted.
 *
 * @param interactionId the interaction, or null
 * @param taskSid the task, or null (never given together with {@code interactionId})
 * @param actor who acted ({@code actor} of an entry: a reader's JWT subject, a service's {@code ce_source}), or
 *     null; with an id it narrows that id's entries to the actor's
 * @param limit at most this many entries, 1..{@value #MAX_LIMIT}
 */
public record AuditQuery(String interactionId, String taskSid, String actor, int limit) {
    public static final String INTERACTION_ID = "interaction_id";
    public static final String TASK_SID = "task_sid";
    public static final String ACTOR = "actor";
    public static final String LIMIT = "limit";
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;
    /** Longest actor asked for: longer than any JWT subject or source we write, short enough to index. */
    public static final int MAX_ACTOR_LENGTH = 256;

    /**
     * Reads the query parameters as given (null when absent; an empty parameter counts as absent).
     *
     * @throws ProblemException {@code validation-failed} naming every parameter that is wrong
     */
    public static AuditQuery parse(String givenInteractionId, String givenTaskSid, String givenActor,
            String limit) {
        String interactionId = blankToNull(givenInteractionId);
        String taskSid = blankToNull(givenTaskSid);
        String actor = blankToNull(givenActor);
        List<FieldError> errors = new ArrayList<>();
        if (interactionId == null && taskSid == null && actor == null) {
            String message = "give interaction_id, task_sid or actor";
            errors.add(new FieldError(INTERACTION_ID, message));
            errors.add(new FieldError(TASK_SID, message));
            errors.add(new FieldError(ACTOR, message));
        } else if (interactionId != null && taskSid != null) {
            String message = "give only one of interaction_id and task_sid";
            errors.add(new FieldError(INTERACTION_ID, message));
            errors.add(new FieldError(TASK_SID, message));
        } else if (interactionId != null && !Sids.isValid("IN", interactionId)) {
            errors.add(new FieldError(INTERACTION_ID, "must be IN followed by 32 lower-case hex digits"));
        } else if (taskSid != null && !Sids.isValid("WT", taskSid)) {
            errors.add(new FieldError(TASK_SID, "must be WT followed by 32 lower-case hex digits"));
        }
        if (actor != null && !isPlausibleActor(actor)) {
            errors.add(new FieldError(ACTOR,
                    "must be at most " + MAX_ACTOR_LENGTH + " characters, none of them a control character"));
        }
        int parsedLimit = parseLimit(blankToNull(limit), errors);
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }
        return new AuditQuery(interactionId, taskSid, actor, parsedLimit);
    }

    // actors are free text (JWT subjects, sources), so only what none of them can be is refused: an over-long
    // value or one with control characters
    private static boolean isPlausibleActor(String actor) {
        return actor.length() <= MAX_ACTOR_LENGTH && actor.codePoints().noneMatch(Character::isISOControl);
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
