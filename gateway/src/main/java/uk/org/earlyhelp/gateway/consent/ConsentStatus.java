package uk.org.earlyhelp.gateway.consent;

/** A consent record's status; {@link #NONE} means nothing was ever recorded. */
public enum ConsentStatus {
    GIVEN, REFUSED, WITHDRAWN, NONE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Refusal and withdrawal outrank consent given: the most restrictive record wins. */
    boolean restricts() {
        return this == REFUSED || this == WITHDRAWN;
    }
}
