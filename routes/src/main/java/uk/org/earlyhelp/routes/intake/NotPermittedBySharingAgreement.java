package uk.org.earlyhelp.routes.intake;

import java.util.List;
import uk.org.earlyhelp.schemas.FieldError;

/** The agency is known but no agreement lets it send this flag type. */
public class NotPermittedBySharingAgreement extends IntakeRejection {

    public NotPermittedBySharingAgreement(String agencyId, String flagType) {
        super("agency '" + agencyId + "' may not send flags of type '" + flagType + "'");
    }

    @Override
    public String reason() {
        return "flag-type-not-permitted";
    }

    @Override
    public List<FieldError> fieldErrors() {
        return List.of(new FieldError("/flagType", getMessage()));
    }
}
