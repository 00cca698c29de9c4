package org.opencc.gateway.problem;

import java.util.List;
import java.util.stream.Collectors;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;

/** Problem types only channel-gateway reports (the shared ones are on {@link ProblemType}), and its 400s. */
public final class ProblemTypes {
    /** A webhook without a valid {@code X-Twilio-Signature}: not from Twilio, or signed for another URL. */
    public static final ProblemType SIGNATURE_INVALID = new ProblemType("signature-invalid",
            "The Twilio signature is missing or does not match", 403, 20403);

    private ProblemTypes() {}

    /** A 400 naming every invalid field at once, so a caller fixes them in one round. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new ProblemException(ProblemType.VALIDATION, detail, errors);
    }
}
