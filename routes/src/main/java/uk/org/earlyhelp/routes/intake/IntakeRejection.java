package uk.org.earlyhelp.routes.intake;

import java.util.List;
import java.util.Optional;
import uk.org.earlyhelp.schemas.FieldError;

/** Why intake refused a flag; each channel turns these into its own answer. */
public abstract class IntakeRejection extends RuntimeException {

    protected IntakeRejection(String message) {
        // No stack trace: a rejection is an answer to the sender, not a fault in the gateway.
        super(message, null, false, false);
    }

    /**
     * The rejection behind a failure as a channel receives it: Camel wraps what a route threw (once by
     * the producer, again by a transaction handler), so it is somewhere in the causes.
     */
    public static Optional<IntakeRejection> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IntakeRejection rejection) {
                return Optional.of(rejection);
            }
        }
        return Optional.empty();
    }

    /** A short id for the kind of rejection, for channels that answer with a code. */
    public abstract String reason();

    /** What the sender must fix: field pointers and problems, never values. */
    public List<FieldError> fieldErrors() {
        return List.of(new FieldError("", getMessage()));
    }
}
