package uk.org.earlyhelp.gateway.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.ChainVerification.Problem;

/**
 * Walks the whole chain in order and names the first record or checkpoint that does not fit: a changed
 * record no longer matches its hash, an inserted or reordered one does not chain to its predecessor, a
 * deleted one leaves a gap in the numbering. Each signed checkpoint must carry a valid signature (checked
 * with the stored public key alone) and the hash of the record at its seq; a deleted tail is found
 * against the last signed checkpoint, even when the chain head row was rewound with it.
 */
@Component
public class AuditChainVerifier {

    private static final String GENESIS = "genesis";
    /** How far back a misplaced record's predecessor is looked for, to tell reordered from inserted. */
    private static final int RECENT_HASHES = 1000;

    private final JdbcTemplate jdbc;

    public AuditChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Checkpoint(long seq, String headHash, Instant signedAt, String signature, String keyId) {
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        jdbc.query("select key_id, public_key from audit_signing_keys order by added_at, key_id",
                row -> {
                    keys.put(row.getString("key_id"), row.getBytes("public_key"));
                });
        List<Checkpoint> checkpoints = jdbc.query(
                "select seq, head_hash, signed_at, signature, key_id from audit_checkpoints order by seq",
                (row, n) -> new Checkpoint(row.getLong("seq"), row.getString("head_hash"),
                        row.getTimestamp("signed_at").toInstant(), row.getString("signature"), row.getString("key_id")));
        Walk walk = new Walk(keys, checkpoints);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select * from audit_records order by seq");
            statement.setFetchSize(1000);
            return statement;
        }, row -> {
            if (walk.result == null) {
                walk.check(AuditTrail.RECORDS.mapRow(row, 0));
            }
        });
        if (walk.result != null) {
            return walk.result;
        }
        walk.checkRemainingCheckpoints();
        if (walk.result != null) {
            return walk.result;
        }
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_chain_head where id = 1");
        long headSeq = ((Number) head.get("seq")).longValue();
        if (headSeq != walk.previousSeq || !walk.previousHash.equals(head.get("hash"))) {
            return walk.broken(walk.previousSeq + 1, Problem.DELETED,
                    "records after " + walk.previousSeq + " are missing: the chain head is at " + headSeq);
        }
        return ChainVerification.intact(walk.checked, walk.checkpointsChecked, List.copyOf(keys.keySet()));
    }

    private static final class Walk {
        final Map<String, byte[]> keys;
        final List<Checkpoint> checkpoints;
        final Map<String, Long> recentHashes = new LinkedHashMap<>(RECENT_HASHES * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > RECENT_HASHES;
            }
        };
        final Map<String, Boolean> keyMatchesId = new HashMap<>();
        int nextCheckpoint = 0;
        long previousSeq = 0;
        String previousHash = GENESIS;
        long checked = 0;
        long checkpointsChecked = 0;
        ChainVerification result;

        Walk(Map<String, byte[]> keys, List<Checkpoint> checkpoints) {
            this.keys = keys;
            this.checkpoints = checkpoints;
        }

        ChainVerification broken(long seq, Problem kind, String problem) {
            return ChainVerification.brokenAt(checked, checkpointsChecked, seq, kind, problem,
                    List.copyOf(keys.keySet()));
        }

        void check(AuditRecord record) {
            checked++;
            if (record.seq() != previousSeq + 1) {
                result = broken(record.seq(), Problem.DELETED,
                        "expected record " + (previousSeq + 1) + " next: records were deleted");
            } else if (!record.previousHash().equals(previousHash)) {
                result = recentHashes.containsKey(record.previousHash())
                        ? broken(record.seq(), Problem.REORDERED, "does not chain to record " + previousSeq
                                + " but to record " + recentHashes.get(record.previousHash()) + ": reordered")
                        : broken(record.seq(), Problem.INSERTED, "does not chain to record " + previousSeq
                                + ": inserted");
            } else if (!AuditHashing.hash(record).equals(record.recordHash())) {
                result = broken(record.seq(), Problem.ALTERED, "content does not match its hash: altered");
            }
            if (result != null) {
                return;
            }
            previousSeq = record.seq();
            previousHash = record.recordHash();
            recentHashes.put(previousHash, previousSeq);
            while (result == null && nextCheckpoint < checkpoints.size()
                    && checkpoints.get(nextCheckpoint).seq() <= record.seq()) {
                checkCheckpoint(checkpoints.get(nextCheckpoint++), record);
            }
        }

        /** Checkpoints past the last record: the tail they signed was deleted. */
        void checkRemainingCheckpoints() {
            while (result == null && nextCheckpoint < checkpoints.size()) {
                Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
                if (signatureValid(checkpoint)) {
                    result = broken(previousSeq + 1, Problem.DELETED, "records after " + previousSeq
                            + " are missing: checkpoint " + checkpoint.seq() + " was signed at "
                            + checkpoint.signedAt());
                } else {
                    result = broken(checkpoint.seq(), Problem.CHECKPOINT_SIGNATURE_INVALID,
                            "checkpoint " + checkpoint.seq() + " has no valid signature");
                }
            }
        }

        private void checkCheckpoint(Checkpoint checkpoint, AuditRecord record) {
            checkpointsChecked++;
            if (!signatureValid(checkpoint)) {
                result = broken(checkpoint.seq(), Problem.CHECKPOINT_SIGNATURE_INVALID,
                        "checkpoint " + checkpoint.seq() + " has no valid signature");
            } else if (checkpoint.seq() != record.seq() || !checkpoint.headHash().equals(record.recordHash())) {
                result = broken(checkpoint.seq(), Problem.CHECKPOINT_MISMATCH, "checkpoint " + checkpoint.seq()
                        + " signed a different chain: the records up to it were rewritten");
            }
        }

        private boolean signatureValid(Checkpoint checkpoint) {
            byte[] key = keys.get(checkpoint.keyId());
            if (key == null || !keyMatchesId.computeIfAbsent(checkpoint.keyId(),
                    id -> id.equals(CheckpointSignatures.keyId(key)))) {
                return false;
            }
            return CheckpointSignatures.verify(key, CheckpointSignatures.signedContent(checkpoint.seq(),
                    checkpoint.headHash(), checkpoint.signedAt(), checkpoint.keyId()), checkpoint.signature());
        }
    }

}
