package uk.org.earlyhelp.gateway.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.consent.ConsentRegistry;
import uk.org.earlyhelp.gateway.consent.ConsentStatus;
import uk.org.earlyhelp.gateway.consent.EffectiveConsent;
import uk.org.earlyhelp.gateway.consent.PendingConsent;
import uk.org.earlyhelp.gateway.matching.KnownPersons;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.pipeline.SharingDecision;
import uk.org.earlyhelp.routes.pipeline.SharingPolicy;

/**
 * Decides, per flag, whether it is shared: the agreement's consent rule against the consent in force for
 * the persons the flag is about (those the index already knows: by a valid identifier or a clear
 * match, see {@link KnownPersons}). The decision not to share is recorded
 * as carefully as the decision to share.
 */
@Component
public class AgreementSharingPolicy implements SharingPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(AgreementSharingPolicy.class);

    private final SharingAgreements agreements;
    private final ConsentRegistry consent;
    private final KnownPersons persons;
    private final PendingConsent pending;
    private final AuditTrail audit;
    private final Pseudonymiser pseudonymiser;

    public AgreementSharingPolicy(SharingAgreements agreements, ConsentRegistry consent, KnownPersons persons,
            PendingConsent pending, AuditTrail audit, Pseudonymiser pseudonymiser) {
        this.pending = pending;
        this.agreements = agreements;
        this.consent = consent;
        this.persons = persons;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public SharingDecision decide(ReceivedFlag flag) {
        Optional<ApplicableRule> applicable = agreements.ruleFor(flag.agency().kind(), flag.flagType());
        SharingDecision decision;
        EffectiveConsent effective = EffectiveConsent.NONE;
        boolean held = false;
        if (applicable.isEmpty()) {
            decision = new SharingDecision(flag, false, flag.agreementId(), flag.agreementVersion(), null,
                    "no agreement in force covers this agency kind and flag type");
        } else {
            AgreementRule rule = applicable.get().rule();
            List<UUID> known = knownPersons(flag);
            effective = consent.effectiveFor(known, flag.agency().kind().id(), rule.purpose(), flag.occurredOn());
            Verdict verdict = verdict(rule, flag, effective);
            decision = new SharingDecision(flag, verdict.shared(), applicable.get().agreement().id(),
                    applicable.get().agreement().version(), rule.ruleId(), verdict.reason());
            if (verdict.awaitsConsent()) {
                pending.hold(flag, known, rule.retention());
                held = true;
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("agreement", Objects.toString(decision.agreementId(), "none"));
        detail.put("reason", decision.reason());
        detail.put("consent", effective.status().id());
        if (effective.consentId() != null) {
            detail.put("consentRecord", effective.consentId().toString());
        }
        applicable.ifPresent(rule -> detail.put("lawfulBasis", rule.rule().lawfulBasis().article6()));
        String outcome = decision.shared() ? Decision.SHARED : held ? Decision.PENDING_CONSENT : Decision.WITHHELD;
        audit.append(AuditEntry.of(outcome)
                .agency(flag.agency().id(), flag.channel()).flag(flag.flagType(), flag.receiptId())
                .rule(decision.ruleId(), decision.agreementVersion())
                .subjects(pseudonymiser.keysFor(flag.subjects())).detail(detail));
        LOG.info("{} flag receipt={} rule={}", outcome, flag.receiptId(), decision.ruleId());
        return decision;
    }

    /** @param awaitsConsent no consent recorded yet: the flag is held until consent or its retention's end */
    private record Verdict(boolean shared, String reason, boolean awaitsConsent) {

        Verdict(boolean shared, String reason) {
            this(shared, reason, false);
        }
    }

    private static Verdict verdict(AgreementRule rule, ReceivedFlag flag, EffectiveConsent effective) {
        return switch (rule.consent()) {
            case NOT_REQUIRED -> new Verdict(true, "shared under " + rule.lawfulBasis().article6()
                    + "; consent is not the lawful basis");
            case REQUIRED_UNLESS_SAFEGUARDING -> isSafeguarding(rule, flag)
                    ? new Verdict(true, "safeguarding concern: shared without consent under "
                            + Objects.toString(rule.lawfulBasis().schedule1(), rule.lawfulBasis().article6()))
                    : byConsent(effective);
            case REQUIRED -> byConsent(effective);
        };
    }

    private static Verdict byConsent(EffectiveConsent effective) {
        return switch (effective.status()) {
            case GIVEN -> new Verdict(true, "shared with consent given");
            case NONE -> new Verdict(false, "held pending consent: consent has not been recorded", true);
            case REFUSED, WITHDRAWN -> new Verdict(false, "withheld: consent " + effective.status().id());
        };
    }

    private static boolean isSafeguarding(AgreementRule rule, ReceivedFlag flag) {
        return rule.safeguardingWhen().stream().anyMatch(condition -> {
            String field = condition.field().startsWith("details.") ? condition.field().substring(8) : condition.field();
            return condition.in().contains(flag.detail(field));
        });
    }

    private List<UUID> knownPersons(ReceivedFlag flag) {
        return flag.subjects().stream()
                .map(persons::of)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }
}
