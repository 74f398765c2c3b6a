package uk.org.earlyhelp.routes.intake;

import java.util.List;
import uk.org.earlyhelp.schemas.FieldError;

/** Why intake refused a flag; each channel turns these into its own answer. */
public abstract class IntakeRejection extends RuntimeException {

    protected IntakeRejection(String message) {
        // No stack trace: a rejection is an answer to the sender, not a fault in the gateway.
        super(message, null, false, false);
    }

    /** A short id for the kind of rejection, for channels that answer with a code. */
    public abstract String reason();

    /** What the sender must fix: field pointers and problems, never values. */
    public List<FieldError> fieldErrors() {
        return List.of(new FieldError("", getMessage()));
    }
}
