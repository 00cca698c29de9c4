package org.opencc.context.crm;

/** Why a source gave no profile; completes a {@link CrmSource#fetch} stage exceptionally. */
public class CrmFailure extends RuntimeException {
    private final SourceStatus status;

    public CrmFailure(SourceStatus status, String detail) {
        super(detail, null, false, false); // an expected outcome: no stack trace to fill or log
        this.status = status;
    }

    public static CrmFailure timeout(String detail) {
        return new CrmFailure(SourceStatus.TIMEOUT, detail);
    }

    public static CrmFailure error(String detail) {
        return new CrmFailure(SourceStatus.ERROR, detail);
    }

    public static CrmFailure notFound(String detail) {
        return new CrmFailure(SourceStatus.NOT_FOUND, detail);
    }

    public SourceStatus status() {
        return status;
    }

    /** A short reason for {@code sources[].detail}; never personal data. */
    public String detail() {
        return getMessage();
    }
}
