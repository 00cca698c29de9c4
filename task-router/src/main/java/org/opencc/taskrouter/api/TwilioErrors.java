package org.opencc.taskrouter.api;

import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;

/** TaskRouter's error kinds, with the codes Twilio's SDKs expect. */
public final class TwilioErrors {
    public static final ProblemType INVALID_PARAMETER = new ProblemType("invalid-parameter",
            "A parameter is missing or invalid", 400, 20001);
    public static final ProblemType RESERVATION_NOT_PENDING = new ProblemType("reservation-not-pending",
            "Reservation is not pending", 409, 20001);
    public static final ProblemType DUPLICATE = new ProblemType("duplicate",
            "A resource with that name already exists", 409, 20409);
    public static final ProblemType IN_USE = new ProblemType("resource-in-use",
            "The resource is in use", 400, 20001);

    private TwilioErrors() {}

    /** Twilio's wording for a missing required parameter. */
    public static ProblemException missing(String parameter) {
        return ProblemException.invalid(parameter, "Required parameter " + parameter + " missing.");
    }

    public static ProblemException invalid(String parameter, String why) {
        return ProblemException.invalid(parameter, "Invalid parameter " + parameter + ": " + why);
    }

    /** Twilio's 404 for an unknown resource at {@code path}. */
    public static ProblemException notFound(String path) {
        return ProblemException.notFound("The requested resource " + path);
    }
}
