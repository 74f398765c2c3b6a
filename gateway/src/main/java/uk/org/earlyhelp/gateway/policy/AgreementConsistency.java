package uk.org.earlyhelp.gateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.org.earlyhelp.schemas.ContractFields;

/**
 * What a schema cannot say about an agreement: that its allow-list names fields the contract really
 * has, that alerts show only kept fields, and that its consent and safeguarding rules can work.
 */
final class AgreementConsistency {

    /**
     * Without these the gateway can neither match a person nor show a locality team whom a flag is about,
     * so every rule must keep them and let alerts show them.
     */
    static final Set<String> ALWAYS_NEEDED = Set.of("subjects.role", "subjects.givenName", "subjects.familyName");

    private AgreementConsistency() {
    }

    static List<AgreementProblem> check(String file, SharingAgreement agreement) {
        List<AgreementProblem> problems = new ArrayList<>();
        for (AgreementRule rule : agreement.rules()) {
            Set<String> fields = ContractFields.minimisablePaths(rule.flagType());
            for (String path : rule.keep()) {
                if (!fields.contains(path)) {
                    problems.add(problem(file, rule, "keep names " + path + ", which is not a field of " + rule.flagType()));
                }
            }
            for (String needed : ALWAYS_NEEDED) {
                if (!rule.keep().contains(needed)) {
                    problems.add(problem(file, rule, "keep must include " + needed
                            + ": without it the gateway can neither match nor alert"));
                }
            }
            for (String needed : ALWAYS_NEEDED) {
                if (!rule.alertFields().contains(needed)) {
                    problems.add(problem(file, rule, "alert-fields must include " + needed
                            + ": a locality team must know whom an alert is about"));
                }
            }
            for (String path : rule.alertFields()) {
                if (!rule.keep().contains(path)) {
                    problems.add(problem(file, rule, "alert-fields names " + path + ", which keep drops"));
                }
            }
            boolean unlessSafeguarding = rule.consent() == ConsentRule.REQUIRED_UNLESS_SAFEGUARDING;
            if (unlessSafeguarding && rule.safeguardingWhen().isEmpty()) {
                problems.add(problem(file, rule, "consent required-unless-safeguarding needs safeguarding-when"));
            }
            if (!unlessSafeguarding && !rule.safeguardingWhen().isEmpty()) {
                problems.add(problem(file, rule, "safeguarding-when only applies to consent "
                        + "required-unless-safeguarding"));
            }
            for (SafeguardingCondition condition : rule.safeguardingWhen()) {
                if (!condition.field().startsWith("details.") || !rule.keep().contains(condition.field())) {
                    problems.add(problem(file, rule, "safeguarding-when tests " + condition.field()
                            + ", which is not a kept detail, so it could never be met"));
                }
            }
            LawfulBasis basis = rule.lawfulBasis();
            if (basis.article9() != null && basis.article9().startsWith("9(2)(g)") && basis.schedule1() == null) {
                problems.add(problem(file, rule, "article 9(2)(g) needs its DPA 2018 Schedule 1 condition (schedule1)"));
            }
        }
        return problems;
    }

    private static AgreementProblem problem(String file, AgreementRule rule, String problem) {
        return new AgreementProblem(file, rule.ruleId(), problem);
    }
}
