package uk.org.earlyhelp.routes.intake;

/** The sender's certificate is valid but names no configured agency. */
public class UnknownAgency extends IntakeRejection {

    public UnknownAgency() {
        super("the client certificate does not belong to a configured agency");
    }

    @Override
    public String reason() {
        return "unknown-agency";
    }
}
