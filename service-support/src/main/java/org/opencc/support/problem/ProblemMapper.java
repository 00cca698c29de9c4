package org.opencc.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to a problem response; stack traces and class names never leave the service. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private final ErrorRenderer renderer;

    public ProblemMapper(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return renderer.render(e.type(), e.detail(), e.errors(), path(uri));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return renderer.render(ProblemType.VALIDATION, detail, errors, path(uri));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return renderer.render(ProblemType.MALFORMED_BODY, "the body is not valid JSON of the expected shape",
                List.of(), path(uri));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return renderer.render(ProblemType.UNAUTHENTICATED, "a valid bearer token is required", List.of(),
                path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return renderer.render(ProblemType.FORBIDDEN, "the caller's roles do not allow this", List.of(),
                path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type;
        if (e instanceof NotFoundException) {
            type = ProblemType.NOT_FOUND;
        } else if (e instanceof NotAllowedException) {
            type = ProblemType.METHOD_NOT_ALLOWED;
        } else if (e instanceof NotSupportedException) {
            type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
        } else if (status >= 500) {
            LOG.error("request failed", e);
            type = ProblemType.INTERNAL;
        } else {
            Response.StatusType reason = Response.Status.fromStatusCode(status);
            type = new ProblemType("http-" + status, reason == null ? "Request failed" : reason.getReasonPhrase(),
                    status, 20000 + status);
        }
        return renderer.render(type, type.status() >= 500 ? null : e.getMessage(), List.of(), path(uri));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return renderer.render(ProblemType.INTERNAL, null, List.of(), path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String field(ConstraintViolation<?> violation) {
        // "create.arg1.workspaceSid" → "workspaceSid": the last node is what the caller sent
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
