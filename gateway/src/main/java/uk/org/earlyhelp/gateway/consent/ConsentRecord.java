package uk.org.earlyhelp.gateway.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One entry in the consent history, as the registry API shows it. */
public record ConsentRecord(UUID consentId, UUID personId, UUID familyId, String status, List<String> agencyKinds,
        List<String> purposes, LocalDate expiresOn, Instant recordedAt, String recordedBy, String evidenceReference) {
}
