package org.opencc.contracts;

/** The stage of an interaction's life a span belongs to: how a misroute gets its culprit. */
public enum Stage {
    INTAKE("intake"),
    ROUTING("routing"),
    WEBHOOK("webhook"),
    CRM("crm"),
    COMPLIANCE("compliance"),
    REPORTING("reporting");

    private final String value;

    Stage(String value) {
        this.value = value;
    }

    /** The value of the {@link SpanKeys#STAGE} attribute. */
    public String value() {
        return value;
    }
}
