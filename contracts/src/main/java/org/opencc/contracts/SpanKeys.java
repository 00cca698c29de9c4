package org.opencc.contracts;

/** Span attribute keys every service uses; here only, so misroute attribution can join on them. */
public final class SpanKeys {
    /** Which stage of an interaction the span does work for; values from {@link Stage}. */
    public static final String STAGE = "cc.stage";
    public static final String INTERACTION_ID = "cc.interaction_id";
    public static final String TASK_SID = "cc.task_sid";
    public static final String WORKFLOW_SID = "cc.workflow_sid";
    public static final String WORKER_SID = "cc.worker_sid";
    public static final String RESERVATION_SID = "cc.reservation_sid";
    /** A short machine-readable failure name (e.g. {@code signature-invalid}); never personal data. */
    public static final String FAILURE = "cc.failure";
    /** True on a span that handled a repeat of something already handled (a retried webhook, a redelivery). */
    public static final String DUPLICATE = "cc.duplicate";
    /** The CloudEvents id of the event a consumer span handles. */
    public static final String EVENT_ID = "cc.event_id";

    private SpanKeys() {}
}
