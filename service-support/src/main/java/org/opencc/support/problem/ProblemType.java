package org.opencc.support.problem;

/**
 * One kind of problem a service reports. The URI is {@link #BASE} + slug and never changes once published.
 *
 * @param slug the last path segment of the type URI, e.g. {@code reservation-not-pending}
 * @param title a short human summary, the same for every occurrence
 * @param status the HTTP status
 * @param twilioCode the code reported in Twilio's error JSON on TaskRouter paths
 */
public record ProblemType(String slug, String title, int status, int twilioCode) {
    /** Base of every problem type URI. */
    public static final String BASE = "https://opencc.dev/problems/";

    public String uri() {
        return BASE + slug;
    }

    public static final ProblemType VALIDATION = new ProblemType("validation-failed",
            "The request is not valid", 400, 20001);
    public static final ProblemType MALFORMED_BODY = new ProblemType("malformed-body",
            "The request body cannot be read", 400, 20001);
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated",
            "Authentication is required", 401, 20003);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden",
            "The caller may not do this", 403, 20403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found",
            "The resource does not exist", 404, 20404);
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed",
            "The method is not allowed on this resource", 405, 20004);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type",
            "The request's content type is not supported", 415, 20415);
    public static final ProblemType CONFLICT = new ProblemType("conflict",
            "The request conflicts with the resource's state", 409, 20409);
    public static final ProblemType INTERNAL = new ProblemType("internal-error",
            "The service failed to handle the request", 500, 20500);
    public static final ProblemType UNAVAILABLE = new ProblemType("unavailable",
            "The service cannot handle the request now", 503, 20503);
}
