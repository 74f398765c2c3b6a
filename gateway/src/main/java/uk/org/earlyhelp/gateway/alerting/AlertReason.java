package uk.org.earlyhelp.gateway.alerting;

/** Why an alert exists: the rule that fired, its version, and what it means in plain English. */
public record AlertReason(String ruleId, int ruleVersion, String explanation) {
}
