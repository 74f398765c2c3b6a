package uk.org.earlyhelp.gateway.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a flag may be shared without the family's consent. */
public enum ConsentRule {
    /** Shared only with consent given. */
    REQUIRED("required"),
    /** The lawful basis (e.g. public task, legal obligation) does not rest on consent. */
    NOT_REQUIRED("not-required"),
    /** Consent is sought, but a safeguarding concern is shared without it (DPA 2018 Sch. 1 para. 18). */
    REQUIRED_UNLESS_SAFEGUARDING("required-unless-safeguarding");

    private final String id;

    ConsentRule(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static ConsentRule fromId(String id) {
        for (ConsentRule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("consent must be one of required, not-required, "
                + "required-unless-safeguarding, not '" + id + "'");
    }
}
