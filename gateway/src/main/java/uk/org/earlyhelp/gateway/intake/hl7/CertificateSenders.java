package uk.org.earlyhelp.gateway.intake.hl7;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.agency.AgencyDirectory;
import uk.org.earlyhelp.gateway.agency.ConfiguredAgency;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.routes.intake.HealthVisitingMllpRoute;
import uk.org.earlyhelp.routes.intake.Hl7Senders;
import uk.org.earlyhelp.routes.intake.UnknownAgency;
import uk.org.earlyhelp.routes.model.Agency;

/**
 * The MLLP sender is the agency whose configured subject the verified client certificate carries (the
 * handshake has already required a certificate from the gateway's CA). A certificate no agency holds is
 * refused and audited, as on the HTTPS channel.
 */
@Component
public class CertificateSenders implements Hl7Senders {

    private final AgencyDirectory agencies;
    private final AuditTrail audit;

    public CertificateSenders(AgencyDirectory agencies, AuditTrail audit) {
        this.agencies = agencies;
        this.audit = audit;
    }

    @Override
    public Agency agencyFor(String certificateSubject) {
        ConfiguredAgency agency = certificateSubject == null ? null
                : agencies.bySubject(new X500Principal(certificateSubject)).orElse(null);
        if (agency == null) {
            Map<String, Object> detail = new LinkedHashMap<>();
            // Certificate subjects name organisations, not people, so they may go on the record.
            detail.put("certificateSubject", certificateSubject == null ? "" : certificateSubject);
            detail.put("reason", "the client certificate belongs to no configured agency");
            audit.appendIndependently(AuditEntry.of(Decision.AGENCY_REFUSED)
                    .agency(null, HealthVisitingMllpRoute.CHANNEL).detail(detail));
            throw new UnknownAgency();
        }
        return agency.asAgency();
    }
}
