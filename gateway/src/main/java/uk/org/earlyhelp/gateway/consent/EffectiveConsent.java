package uk.org.earlyhelp.gateway.consent;

import java.util.UUID;

/** The consent that applies to a flag's subjects, and the record it comes from (for the audit). */
public record EffectiveConsent(ConsentStatus status, UUID consentId) {

    public static final EffectiveConsent NONE = new EffectiveConsent(ConsentStatus.NONE, null);
}
