package uk.org.earlyhelp.gateway.policy;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;

/**
 * Puts the agreements in force on the record at start-up, then checks the files for changes: a valid
 * change takes effect and is audited with every agreement's id and version; an invalid one is refused,
 * logged and audited with each problem, and the last valid set stays in force.
 */
@Component
public class AgreementReloader {

    private static final Logger LOG = LoggerFactory.getLogger(AgreementReloader.class);

    private final SharingAgreements agreements;
    private final AuditTrail audit;

    public AgreementReloader(SharingAgreements agreements, AuditTrail audit) {
        this.agreements = agreements;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recordAgreementsInForce() {
        loaded(agreements.inForce());
    }

    @Scheduled(fixedDelayString = "${gateway.policy.reload-interval:PT10S}",
            initialDelayString = "${gateway.policy.reload-interval:PT10S}")
    public void reloadIfChanged() {
        SharingAgreements.Reload outcome = agreements.reloadIfChanged();
        if (outcome instanceof SharingAgreements.Reload.Loaded loaded) {
            loaded(loaded.agreements());
        } else if (outcome instanceof SharingAgreements.Reload.Refused refused) {
            refused(refused.problems());
        }
    }

    private void loaded(List<SharingAgreement> inForce) {
        List<String> versions = inForce.stream().map(agreement -> agreement.id() + " v" + agreement.version()).toList();
        LOG.info("information-sharing agreements in force: {}", versions);
        audit.appendIndependently(AuditEntry.of(Decision.AGREEMENTS_LOADED).detail(Map.of("agreements", versions)));
    }

    private void refused(List<AgreementProblem> problems) {
        List<String> named = problems.stream().map(AgreementProblem::toString).toList();
        LOG.error("changed information-sharing agreements refused; the previous ones stay in force: {}", named);
        audit.appendIndependently(AuditEntry.of(Decision.AGREEMENTS_REFUSED).detail(Map.of("problems", named)));
    }
}
