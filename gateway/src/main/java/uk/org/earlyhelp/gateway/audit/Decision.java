package uk.org.earlyhelp.gateway.audit;

/** Every kind of decision the audit records, as the ids that appear in it. */
public final class Decision {

    public static final String RECEIVED = "received";
    public static final String FIELDS_DROPPED = "fields-dropped";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String AGENCY_REFUSED = "agency-refused";
    public static final String SHARED = "shared";
    public static final String WITHHELD = "withheld";
    public static final String MATCHED = "matched";
    /** A subject scored between the match thresholds: the flag waits for a match reviewer. */
    public static final String MATCH_REVIEW_HELD = "match-review-held";
    /** A match reviewer decided a held pair is one person ... */
    public static final String MATCH_CONFIRMED = "match-confirmed";
    /** ... or two different people. */
    public static final String MATCH_REJECTED = "match-rejected";
    public static final String FAMILY_LINKED = "family-linked";
    public static final String FAMILIES_MERGED = "families-merged";
    /** A match reviewer split members off a wrongly linked family into a new family. */
    public static final String FAMILIES_SPLIT = "families-split";
    /** The family stage found evidence joining two families a reviewer had split, and kept them apart. */
    public static final String FAMILIES_KEPT_APART = "families-kept-apart";
    public static final String ALERT_RAISED = "alert-raised";
    public static final String ALERT_UPDATED = "alert-updated";
    public static final String DEAD_LETTERED = "dead-lettered";
    public static final String DEAD_LETTERS_REPLAYED = "dead-letters-replayed";
    public static final String CONSENT_RECORDED = "consent-recorded";
    public static final String PENDING_CONSENT = "pending-consent";
    public static final String RELEASED_BY_CONSENT = "released-by-consent";
    public static final String RETENTION_DELETED = "retention-deleted";
    public static final String AGREEMENTS_LOADED = "agreements-loaded";
    public static final String AGREEMENTS_REFUSED = "agreements-refused";
    /**
     * A person looked at personal data: an IG officer's person search or subject access report, or a
     * locality worker's look at an alert.
     */
    public static final String VIEWED = "viewed";
    /** A locality worker acknowledged their team's alert (web console). */
    public static final String ALERT_ACKNOWLEDGED = "alert-acknowledged";
    /** A locality worker assigned their team's alert to a named worker (web console). */
    public static final String ALERT_ASSIGNED = "alert-assigned";

    private Decision() {
    }
}
