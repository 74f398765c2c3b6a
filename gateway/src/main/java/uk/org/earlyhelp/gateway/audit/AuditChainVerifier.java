package uk.org.earlyhelp.gateway.audit;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain in order and names the first record that does not fit: a changed record no
 * longer matches its hash, an inserted or reordered one does not chain to its predecessor, a deleted one
 * leaves a gap in the numbering, and a deleted tail leaves the chain head pointing past the end.
 */
@Component
public class AuditChainVerifier {

    private static final String GENESIS = "genesis";

    private final JdbcTemplate jdbc;

    public AuditChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        Walk walk = new Walk();
        jdbc.setFetchSize(1000);
        jdbc.query("select * from audit_records order by seq", row -> {
            if (walk.result == null) {
                walk.check(AuditTrail.RECORDS.mapRow(row, 0));
            }
        });
        if (walk.result != null) {
            return walk.result;
        }
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_chain_head where id = 1");
        long headSeq = ((Number) head.get("seq")).longValue();
        if (headSeq != walk.previousSeq || !walk.previousHash.equals(head.get("hash"))) {
            return ChainVerification.brokenAt(walk.checked, walk.previousSeq + 1,
                    "records after " + walk.previousSeq + " are missing: the chain head is at " + headSeq);
        }
        return ChainVerification.intact(walk.checked);
    }

    private static final class Walk {
        long previousSeq = 0;
        String previousHash = GENESIS;
        long checked = 0;
        ChainVerification result;

        void check(AuditRecord record) {
            checked++;
            if (record.seq() != previousSeq + 1) {
                result = ChainVerification.brokenAt(checked, record.seq(),
                        "expected record " + (previousSeq + 1) + " next: records were deleted or inserted");
            } else if (!record.previousHash().equals(previousHash)) {
                result = ChainVerification.brokenAt(checked, record.seq(),
                        "does not chain to record " + previousSeq + ": inserted or reordered");
            } else if (!AuditHashing.hash(record).equals(record.recordHash())) {
                result = ChainVerification.brokenAt(checked, record.seq(), "content does not match its hash: altered");
            }
            previousSeq = record.seq();
            previousHash = record.recordHash();
        }
    }
}
