package uk.org.earlyhelp.gateway.policy;

import java.util.List;
import uk.org.earlyhelp.routes.model.AgencyKind;

/** One information-sharing agreement between the council and a kind of partner agency. */
public record SharingAgreement(String id, int version, String title, List<AgencyKind> agencyKinds,
        List<AgreementRule> rules) {

    public SharingAgreement {
        agencyKinds = agencyKinds == null ? List.of() : List.copyOf(agencyKinds);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
