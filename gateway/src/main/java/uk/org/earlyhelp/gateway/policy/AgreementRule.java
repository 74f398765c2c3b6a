package uk.org.earlyhelp.gateway.policy;

import java.util.List;
import java.util.Set;

/**
 * What one agreement says about one flag type.
 *
 * @param keep             the allow-list: field paths that may be kept (e.g. {@code subjects.upn},
 *                         {@code subjects.address.postcode}, {@code details.kind}); everything else is dropped
 * @param safeguardingWhen conditions that make a flag a safeguarding concern
 */
public record AgreementRule(
        String ruleId,
        String flagType,
        String purpose,
        LawfulBasis lawfulBasis,
        ConsentRule consent,
        Set<String> keep,
        List<SafeguardingCondition> safeguardingWhen) {

    public AgreementRule {
        keep = keep == null ? Set.of() : Set.copyOf(keep);
        safeguardingWhen = safeguardingWhen == null ? List.of() : List.copyOf(safeguardingWhen);
    }
}
