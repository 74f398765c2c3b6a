package uk.org.earlyhelp.routes;

/** The broker addresses that make up the gateway's published contract. */
public final class Queues {

    /** Every accepted flag, minimised, durably queued before the sender is acknowledged. */
    public static final String FLAGS_RECEIVED = "flags.received";

    /** Flags the pipeline could not process after its bounded retries, with the reason as properties. */
    public static final String FLAGS_DEAD_LETTER = "flags.dead-letter";

    /** Alerts about families no locality covers. */
    public static final String ALERTS_TRIAGE = "alerts.triage";

    private static final String ALERTS_LOCALITY_PREFIX = "alerts.locality.";

    private Queues() {
    }

    /** Each locality team consumes only its own queue. */
    public static String alertsForLocality(String localityId) {
        return ALERTS_LOCALITY_PREFIX + localityId;
    }
}
