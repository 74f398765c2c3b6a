package uk.org.earlyhelp.routes.intake;

/** A message type, trigger event or HL7 version the conformance profile does not accept: answered with {@code AR}. */
public class UnsupportedHl7Message extends IntakeRejection {

    private final Hl7Problem problem;

    public UnsupportedHl7Message(Hl7Problem problem) {
        super(problem.problem());
        this.problem = problem;
    }

    public Hl7Problem problem() {
        return problem;
    }

    @Override
    public String reason() {
        return "unsupported-hl7";
    }
}
