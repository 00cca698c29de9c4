package org.opencc.support.problem;

import java.util.List;

/** Thrown by resources and services to answer with a problem; rendered by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final String detail;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(type.slug() + ": " + detail);
        this.type = type;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** A 400 naming one invalid field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** A 404 for an unknown resource. */
    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " was not found");
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
