package uk.org.earlyhelp.gateway.policy;

/** The agreement and its rule that govern one agency kind sending one flag type. */
public record ApplicableRule(SharingAgreement agreement, AgreementRule rule) {
}
