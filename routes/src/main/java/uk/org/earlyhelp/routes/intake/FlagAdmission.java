package uk.org.earlyhelp.routes.intake;

/** Decides whether an incoming flag is admitted; implemented by the gateway, called by intake routes. */
public interface FlagAdmission {

    /**
     * Validates the flag against its schema, checks the agency may send its type under an agreement,
     * minimises it to the agreement's allow-list and registers its receipt in the caller's transaction.
     *
     * @throws SchemaViolation                  the document is invalid
     * @throws NotPermittedBySharingAgreement   the agency may not send this flag type
     */
    AdmittedFlag admit(IncomingFlag incoming);
}
