package uk.org.earlyhelp.gateway.security;

import java.util.Set;

/** The roles people log in with. */
public final class Roles {

    /** Reviews who shared what about whom; reads and verifies the audit. */
    public static final String IG_OFFICER = "IG_OFFICER";
    public static final String ADMIN = "ADMIN";

    /** An early-help practitioner: records what families agreed to. */
    public static final String PRACTITIONER = "PRACTITIONER";

    /** Works one locality team's alerts (and only that team's): reads, acknowledges, assigns them. */
    public static final String LOCALITY_WORKER = "LOCALITY_WORKER";

    /** Decides the possible matches the matcher was not sure of (the review queue). */
    public static final String MATCH_REVIEWER = "MATCH_REVIEWER";

    /** Every role there is: a role from an identity provider outside this set is ignored. */
    public static final Set<String> ALL = Set.of(IG_OFFICER, ADMIN, PRACTITIONER, LOCALITY_WORKER, MATCH_REVIEWER);

    private Roles() {
    }
}
