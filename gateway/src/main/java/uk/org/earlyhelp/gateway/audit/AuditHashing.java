package uk.org.earlyhelp.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The chain's hash: SHA-256 over a canonical JSON array of the previous record's hash and this record's
 * fields (in a fixed order, detail with its keys sorted), so the same record always hashes the same way after a
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
        // A JSON array: field boundaries are unambiguous and null stays distinct from "".
        String canonical = canonicalJson(Arrays.asList(previousHash, seq, recordedAt, decision, agencyId, channel,
                flagType, receiptId, ruleId, ruleVersion, subjectKeys, detail));
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

    static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail must be plain JSON values", e);
        }
    }

}
