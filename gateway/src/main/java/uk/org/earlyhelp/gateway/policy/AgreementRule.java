package uk.org.earlyhelp.gateway.policy;

import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * What one agreement says about one flag type.
 *
 * @param keep             the allow-list: field paths that may be kept (e.g. {@code subjects.upn},
 *                         {@code subjects.address.postcode}, {@code details.kind}); everything else is dropped
 * @param alertFields      of the kept fields, those a locality team's alert may show
 * @param retention        how long a stored flag under this rule is kept
 * @param safeguardingWhen conditions that make a flag a safeguarding concern
 */
public record AgreementRule(
        String ruleId,
        String flagType,
        String purpose,
        LawfulBasis lawfulBasis,
        ConsentRule consent,
        Set<String> keep,
        Set<String> alertFields,
        Period retention,
        List<SafeguardingCondition> safeguardingWhen) {

    public AgreementRule {
        keep = keep == null ? Set.of() : Set.copyOf(keep);
        alertFields = alertFields == null ? Set.of() : Set.copyOf(alertFields);
        safeguardingWhen = safeguardingWhen == null ? List.of() : List.copyOf(safeguardingWhen);
    }
}
