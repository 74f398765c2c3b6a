package uk.org.earlyhelp.gateway.audit;

import java.util.List;
import java.util.Map;

/**
 * One decision to record. Builders below keep call sites short; nothing in here may be a raw identifier
 * or a name: subjects go in as pseudonymous keys, details as ids, rule ids and field names.
 */
public record AuditEntry(
        String decision,
        String agencyId,
        String channel,
        String flagType,
        String receiptId,
        String ruleId,
        Integer ruleVersion,
        List<String> subjectKeys,
        Map<String, Object> detail) {

    public AuditEntry {
        subjectKeys = subjectKeys == null ? List.of() : List.copyOf(subjectKeys);
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static AuditEntry of(String decision) {
        return new AuditEntry(decision, null, null, null, null, null, null, List.of(), Map.of());
    }

    public AuditEntry agency(String agencyId, String channel) {
        return new AuditEntry(decision, agencyId, channel, flagType, receiptId, ruleId, ruleVersion, subjectKeys, detail);
    }

    public AuditEntry flag(String flagType, String receiptId) {
        return new AuditEntry(decision, agencyId, channel, flagType, receiptId, ruleId, ruleVersion, subjectKeys, detail);
    }

    public AuditEntry rule(String ruleId, Integer ruleVersion) {
        return new AuditEntry(decision, agencyId, channel, flagType, receiptId, ruleId, ruleVersion, subjectKeys, detail);
    }

    public AuditEntry subjects(List<String> keys) {
        return new AuditEntry(decision, agencyId, channel, flagType, receiptId, ruleId, ruleVersion, keys, detail);
    }

    public AuditEntry detail(Map<String, Object> values) {
        return new AuditEntry(decision, agencyId, channel, flagType, receiptId, ruleId, ruleVersion, subjectKeys, values);
    }
}
