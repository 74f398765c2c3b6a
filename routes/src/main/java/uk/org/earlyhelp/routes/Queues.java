package uk.org.earlyhelp.routes;

/** The broker addresses that make up the gateway's published contract. */
public final class Queues {

    /** Every accepted flag, minimised, durably queued before the sender is acknowledged. */
    public static final String FLAGS_RECEIVED = "flags.received";

    /** Flags the pipeline could not process after its bounded retries, with the reason as properties. */
    public static final String FLAGS_DEAD_LETTER = "flags.dead-letter";

    /** Alerts about families no locality covers. */
    public static final String ALERTS_TRIAGE = "alerts.triage";

    /** Messages an agency sent to its inbound address that intake refused, with the errors as properties. */
    public static final String FLAGS_INBOUND_DEAD_LETTER = "flags.inbound.dead-letter";

    private static final String ALERTS_LOCALITY_PREFIX = "alerts.locality.";
    private static final String FLAGS_INBOUND_PREFIX = "flags.inbound.";

    private Queues() {
    }

    /** Each agency that publishes to the broker sends only to its own inbound address. */
    public static String inboundForAgency(String agencyId) {
        return FLAGS_INBOUND_PREFIX + agencyId;
    }

    /** Each locality team consumes only its own queue. */
    public static String alertsForLocality(String localityId) {
        return ALERTS_LOCALITY_PREFIX + localityId;
    }
}
