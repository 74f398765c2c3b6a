package uk.org.earlyhelp.gateway.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.org.earlyhelp.routes.model.AgencyKind;

/**
 * A validated, consistent set of agreements: each agency kind and flag type governed by exactly one rule.
 *
 * @param fingerprint a digest of the files it was read from, to notice when they change
 */
record AgreementSet(List<SharingAgreement> agreements, Map<String, ApplicableRule> byKindAndType,
        String fingerprint) {

    Optional<ApplicableRule> ruleFor(AgencyKind kind, String flagType) {
        return Optional.ofNullable(byKindAndType.get(key(kind, flagType)));
    }

    static String key(AgencyKind kind, String flagType) {
        return kind.id() + "/" + flagType;
    }
}
