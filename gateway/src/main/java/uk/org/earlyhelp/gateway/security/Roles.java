package uk.org.earlyhelp.gateway.security;

/** The roles people log in with. */
public final class Roles {

    /** Reviews who shared what about whom; reads and verifies the audit. */
    public static final String IG_OFFICER = "IG_OFFICER";
    public static final String ADMIN = "ADMIN";

    /** An early-help practitioner: records what families agreed to. */
    public static final String PRACTITIONER = "PRACTITIONER";

    /** Decides the pairs the matcher could not: the same person, or two different people. */
    public static final String MATCH_REVIEWER = "MATCH_REVIEWER";

    private Roles() {
    }
}
