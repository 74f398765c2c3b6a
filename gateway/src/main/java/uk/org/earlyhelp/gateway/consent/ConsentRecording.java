package uk.org.earlyhelp.gateway.consent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.AuditEntry;
import uk.org.earlyhelp.gateway.audit.AuditTrail;
import uk.org.earlyhelp.gateway.audit.Decision;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.family.Families;
import uk.org.earlyhelp.gateway.matching.PersonIndex;

/**
 * Resolves who a consent request is about, records it and audits it in one transaction; consent given
 * releases the flags held for want of it.
 */
@Component
public class ConsentRecording {

    private final ConsentRegistry registry;
    private final PersonIndex persons;
    private final Families families;
    private final AuditTrail audit;
    private final Pseudonymiser pseudonymiser;
    private final ConsentRelease release;

    public ConsentRecording(ConsentRegistry registry, PersonIndex persons, Families families, AuditTrail audit,
            Pseudonymiser pseudonymiser, ConsentRelease release) {
        this.release = release;
        this.registry = registry;
        this.persons = persons;
        this.families = families;
        this.audit = audit;
        this.pseudonymiser = pseudonymiser;
    }

    /** @return the new record's id, or empty when the person or family is unknown */
    @Transactional
    public Optional<UUID> record(ConsentController.ConsentRequest request, String recordedBy) {
        return resolve(request).map(found -> {
            ConsentScope scope = new ConsentScope(request.agencyKinds(), request.purposes(), request.expiresOn());
            UUID consentId = registry.record(found.personId(), found.familyId(),
                    ConsentStatus.valueOf(request.status().toUpperCase(Locale.ROOT)), scope, recordedBy,
                    request.evidenceReference());
            audit.append(AuditEntry.of(Decision.CONSENT_RECORDED).subjects(found.keys())
                    .detail(Map.of("consentId", consentId.toString(), "status", request.status(),
                            "recordedBy", recordedBy,
                            "about", found.personId() != null ? "person" : "family " + found.familyId())));
            if ("given".equals(request.status())) {
                release.releaseFor(found.personId(), found.familyId(), scope, consentId);
            }
            return consentId;
        });
    }

    @Transactional(readOnly = true)
    public Optional<List<ConsentRecord>> history(ConsentController.ConsentRequest request) {
        return resolve(request).map(found -> registry.history(found.personId(),
                found.familyId() != null ? found.familyId()
                        : families.familiesOf(List.of(found.personId())).stream().findFirst().orElse(null)));
    }

    private record Subject(UUID personId, UUID familyId, List<String> keys) {
    }

    private Optional<Subject> resolve(ConsentController.ConsentRequest request) {
        if (request.familyId() != null) {
            return families.exists(request.familyId())
                    ? Optional.of(new Subject(null, request.familyId(), List.of()))
                    : Optional.empty();
        }
        String type = request.nhsNumber() != null ? PersonIndex.NHS_NUMBER : PersonIndex.UPN;
        String value = request.nhsNumber() != null ? request.nhsNumber() : request.upn().toUpperCase(Locale.ROOT);
        String keyKind = request.nhsNumber() != null ? "nhs" : "upn";
        return persons.byIdentifier(type, value)
                .map(personId -> new Subject(personId, null, List.of(pseudonymiser.key(keyKind, value))));
    }
}
