package uk.org.earlyhelp.gateway.security;

/** The roles people log in with. */
public final class Roles {

    /** Reviews who shared what about whom; reads and verifies the audit. */
    public static final String IG_OFFICER = "IG_OFFICER";
    public static final String ADMIN = "ADMIN";

    /** An early-help practitioner: records what families agreed to. */
    public static final String PRACTITIONER = "PRACTITIONER";

    private Roles() {
    }
}
