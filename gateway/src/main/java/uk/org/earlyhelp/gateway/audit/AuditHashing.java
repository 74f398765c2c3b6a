package uk.org.earlyhelp.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chain's hash: SHA-256 over the previous record's hash and a canonical text of this record (fields
 * in a fixed order, detail with its keys sorted), so the same record always hashes the same way after a
 * round trip through the database.
 */
final class AuditHashing {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private AuditHashing() {
    }

    static String hash(String previousHash, long seq, String recordedAt, String decision, String agencyId,
            String channel, String flagType, String receiptId, String ruleId, Integer ruleVersion,
            List<String> subjectKeys, Map<String, Object> detail) {
        String canonical = String.join("\n",
                previousHash, Long.toString(seq), recordedAt, text(decision), text(agencyId), text(channel),
                text(flagType), text(receiptId), text(ruleId), text(ruleVersion), String.join(",", subjectKeys),
                canonicalJson(detail));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String hash(AuditRecord record) {
        return hash(record.previousHash(), record.seq(), record.recordedAt().toString(), record.decision(),
                record.agencyId(), record.channel(), record.flagType(), record.receiptId(), record.ruleId(),
                record.ruleVersion(), record.subjectKeys(), record.detail());
    }

    static String canonicalJson(Map<String, Object> detail) {
        try {
            return CANONICAL.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail must be plain JSON values", e);
        }
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
