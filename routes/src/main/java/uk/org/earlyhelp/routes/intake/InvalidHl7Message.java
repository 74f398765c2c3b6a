package uk.org.earlyhelp.routes.intake;

import java.util.List;

/** The HL7 message is a type we accept but its content is wrong or missing: answered with {@code AE}. */
public class InvalidHl7Message extends IntakeRejection {

    private final List<Hl7Problem> problems;

    public InvalidHl7Message(List<Hl7Problem> problems) {
        super(problems.size() + " HL7 field(s) failed validation");
        this.problems = List.copyOf(problems);
    }

    public List<Hl7Problem> problems() {
        return problems;
    }

    @Override
    public String reason() {
        return "invalid-hl7";
    }
}
