package uk.org.earlyhelp.gateway.policy;

/**
 * One thing wrong with an agreement file, named so an IG officer can find and fix it.
 *
 * @param rule the rule id, or the field pointer, or empty when the problem is the whole file
 */
public record AgreementProblem(String file, String rule, String problem) {

    @Override
    public String toString() {
        return file + (rule == null || rule.isEmpty() ? "" : " [" + rule + "]") + ": " + problem;
    }
}
