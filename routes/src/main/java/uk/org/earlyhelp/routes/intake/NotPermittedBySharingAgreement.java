package uk.org.earlyhelp.routes.intake;

/** The agency is known but no agreement lets it send this flag type. */
public class NotPermittedBySharingAgreement extends IntakeRejection {

    public NotPermittedBySharingAgreement(String agencyId, String flagType) {
        super("agency '" + agencyId + "' may not send flags of type '" + flagType + "'");
    }
}
