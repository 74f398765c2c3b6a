package uk.org.earlyhelp.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One stored audit record, as the audit API returns it and as the chain hashes it. */
public record AuditRecord(
        long seq,
        Instant recordedAt,
        String decision,
        String agencyId,
        String channel,
        String flagType,
        String receiptId,
        String ruleId,
        Integer ruleVersion,
        List<String> subjectKeys,
        Map<String, Object> detail,
        String previousHash,
        String recordHash) {
}
