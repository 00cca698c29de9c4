package org.opencc.compliance.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Whose consent recording needs in a jurisdiction; declared in strictness order, least strict first. */
public enum ConsentModel {
    /** One party to the conversation (our agent) may consent for it. */
    ONE_PARTY("one-party"),
    /** Every party must consent, in practice by hearing the announcement and staying on the line. */
    ALL_PARTY("all-party");

    private final String value;

    ConsentModel(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The model a policy file names, if it names one. */
    public static Optional<ConsentModel> of(String value) {
        for (ConsentModel model : values()) {
            if (model.value.equals(value)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** The stricter of the two. */
    public ConsentModel stricter(ConsentModel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
