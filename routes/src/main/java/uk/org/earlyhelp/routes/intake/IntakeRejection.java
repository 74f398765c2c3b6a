package uk.org.earlyhelp.routes.intake;

/** Why intake refused a flag; each channel turns these into its own answer. */
public abstract class IntakeRejection extends RuntimeException {

    protected IntakeRejection(String message) {
        // No stack trace: a rejection is an answer to the sender, not a fault in the gateway.
        super(message, null, false, false);
    }
}
