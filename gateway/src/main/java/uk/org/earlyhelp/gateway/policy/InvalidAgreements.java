package uk.org.earlyhelp.gateway.policy;

import java.util.List;
import java.util.stream.Collectors;

/** The agreement files, taken together, cannot be enforced; every problem is named. */
public class InvalidAgreements extends RuntimeException {

    private final List<AgreementProblem> problems;

    public InvalidAgreements(List<AgreementProblem> problems) {
        super("the information-sharing agreements were refused:\n  "
                + problems.stream().map(AgreementProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<AgreementProblem> problems() {
        return problems;
    }
}
