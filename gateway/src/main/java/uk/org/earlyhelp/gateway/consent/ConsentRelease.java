package uk.org.earlyhelp.gateway.consent;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.family.Families;
import uk.org.earlyhelp.gateway.matching.KnownPersons;
import uk.org.earlyhelp.routes.Queues;
import uk.org.earlyhelp.routes.model.FlagCodec;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.pipeline.FlagLedger;

/**
 * When consent is given, the flags held for want of it go back on {@code flags.received}, and the
 * pipeline decides them again against the consent now in force. Runs in the transaction that records the
 * consent: the held rows go only if that commits; should the commit fail after the send, the ledger still
 * marks the flag processed and the held row remains, so it is neither lost nor processed twice.
 */
@Component
public class ConsentRelease {

    private final PendingConsent pending;
    private final Families families;
    private final KnownPersons persons;
    private final FlagLedger ledger;
    private final ProducerTemplate broker;
    private final AuditTrail audit;

    public ConsentRelease(PendingConsent pending, Families families, KnownPersons persons, FlagLedger ledger,
            ProducerTemplate broker, AuditTrail audit) {
        this.pending = pending;
        this.families = families;
        this.persons = persons;
        this.ledger = ledger;
        this.broker = broker;
        this.audit = audit;
    }

    /**
     * Releases the held flags this consent could cover: about the person (or a member of the family), by
     * the persons known when the flag was held or matched since, and from an agency kind in its scope.
     *
     * @param personId the person consent was given for, or null for a family
     */
    public void releaseFor(UUID personId, UUID familyId, ConsentScope scope, UUID consentId) {
        Set<UUID> covered = new HashSet<>(personId != null ? List.of(personId) : families.memberIds(familyId));
        for (PendingConsent.Held held : pending.held()) {
            ReceivedFlag flag = held.flag();
            boolean inScope = scope.agencyKinds() == null || scope.agencyKinds().contains(flag.agency().kind().id());
            if (inScope && isAbout(held, covered) && pending.remove(flag)) {
                release(flag, consentId);
            }
        }
    }

    private boolean isAbout(PendingConsent.Held held, Set<UUID> covered) {
        return held.personIds().stream().anyMatch(covered::contains)
                || held.flag().subjects().stream().map(persons::of).flatMap(Optional::stream)
                        .anyMatch(covered::contains);
    }

    private void release(ReceivedFlag flag, UUID consentId) {
        ledger.forget(flag);
        audit.append(AuditEntry.of(Decision.RELEASED_BY_CONSENT).agency(flag.agency().id(), flag.channel())
                .flag(flag.flagType(), flag.receiptId())
                .detail(Map.of("consentRecord", consentId.toString())));
        broker.sendBody("jms:queue:" + Queues.FLAGS_RECEIVED, FlagCodec.toJson(flag));
    }
}
