package org.opencc.taskrouter.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencc.support.problem.ErrorRenderer;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemType;

/**
 * On TaskRouter paths ({@code /v1/Workspaces...}) errors are Twilio's JSON ({@code code}, {@code message},
 * {@code more_info}, {@code status}), so the Twilio SDKs raise the exceptions they raise against Twilio; elsewhere
 * problem+json as in every service.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TwilioErrorRenderer extends ErrorRenderer {
    public static final String TASKROUTER_PREFIX = "/v1/Workspaces";

    @Override
    public Response render(ProblemType type, String detail, List<FieldError> errors, String path) {
        if (path == null || !path.startsWith(TASKROUTER_PREFIX)) {
            return super.render(type, detail, errors, path);
        }
        return twilio(type.status(), type.twilioCode(), message(type, detail, path));
    }

    /** Twilio's error body. */
    public static Response twilio(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static String message(ProblemType type, String detail, String path) {
        if (type.status() == 404) {
            return "The requested resource " + path + " was not found";
        }
        if (type.status() >= 500 || detail == null) {
            return type.title();
        }
        return detail;
    }
}
