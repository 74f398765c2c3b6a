package uk.org.earlyhelp.gateway.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import uk.org.earlyhelp.gateway.audit.ChainVerification.Problem;

/**
 * Walks each chain in order and names the first record or checkpoint that does not fit: a changed record
 * no longer matches its hash, an inserted or reordered one does not chain to its predecessor, a deleted
 * one leaves a gap in its chain's numbering. Each signed checkpoint must carry a valid signature (checked
 * with the stored public key alone) and the hash of the record at its seq in its chain; a deleted tail is
 * found against the chain's last signed checkpoint, even when the chain head row was rewound with it.
 * Every chain with records must have its head row, and every head must match its chain's last record.
 */
@Component
public class AuditChainVerifier {

    /** How far back a misplaced record's predecessor is looked for, to tell reordered from inserted. */
    private static final int RECENT_HASHES = 1000;

    private final JdbcTemplate jdbc;
    private final Set<String> trustedKeys;

    /** @param settings its signing keys' {@code trustedKeys}: when given, only checkpoints signed by them count */
    public AuditChainVerifier(JdbcTemplate jdbc, AuditSettings settings) {
        this.jdbc = jdbc;
        this.trustedKeys = Set.copyOf(settings.signing().trustedKeys());
    }

    private record Checkpoint(int chain, long seq, String headHash, Instant signedAt, String signature, String keyId) {
    }

    private record Head(long chainSeq, String hash) {
    }

    /** One snapshot of records, heads and checkpoints, so records written meanwhile cannot look like a gap. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainVerification verify() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        jdbc.query("select key_id, public_key from audit_signing_keys order by added_at, key_id",
                row -> {
                    keys.put(row.getString("key_id"), row.getBytes("public_key"));
                });
        Map<Integer, List<Checkpoint>> checkpoints = new HashMap<>();
        jdbc.query("select chain, seq, head_hash, signed_at, signature, key_id from audit_checkpoints order by seq",
                row -> {
                    Checkpoint checkpoint = new Checkpoint(row.getInt("chain"), row.getLong("seq"),
                            row.getString("head_hash"), row.getTimestamp("signed_at").toInstant(),
                            row.getString("signature"), row.getString("key_id"));
                    checkpoints.computeIfAbsent(checkpoint.chain(), chain -> new ArrayList<>()).add(checkpoint);
                });
        Map<Integer, Head> heads = new TreeMap<>();
        jdbc.query("select chain, chain_seq, hash from audit_chain_head",
                row -> {
                    heads.put(row.getInt("chain"), new Head(row.getLong("chain_seq"), row.getString("hash")));
                });
        Walk walk = new Walk(keys, trustedKeys, checkpoints, heads);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select * from audit_records order by chain, chain_seq");
            statement.setFetchSize(1000);
            return statement;
        }, row -> {
            if (walk.result == null) {
                walk.check(row.getInt("chain"), row.getLong("chain_seq"), AuditTrail.RECORDS.mapRow(row, 0));
            }
        });
        if (walk.result == null && walk.chain != 0) {
            walk.finish();
        }
        // Chains with a head or checkpoints but no records left.
        SortedSet<Integer> chains = new TreeSet<>(heads.keySet());
        chains.addAll(checkpoints.keySet());
        for (int chain : chains) {
            if (walk.result == null && !walk.finished.contains(chain)) {
                walk.start(chain);
                walk.finish();
            }
        }
        if (walk.result != null) {
            return walk.result;
        }
        return ChainVerification.intact(walk.checked, walk.checkpointsChecked, List.copyOf(keys.keySet()));
    }

    private static final class Walk {
        final Map<String, byte[]> keys;
        final Set<String> trustedKeys;
        final Map<Integer, List<Checkpoint>> checkpointsByChain;
        final Map<Integer, Head> heads;
        final Map<String, Long> recentHashes = new LinkedHashMap<>(RECENT_HASHES * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > RECENT_HASHES;
            }
        };
        final Map<String, Boolean> keyMatchesId = new HashMap<>();
        final Set<Integer> finished = new HashSet<>();
        /** The chain being walked (0: none yet) and where it has got to. */
        int chain = 0;
        List<Checkpoint> checkpoints = List.of();
        int nextCheckpoint = 0;
        long previousChainSeq = 0;
        long previousSeq = 0;
        String previousHash;
        long checked = 0;
        long checkpointsChecked = 0;
        ChainVerification result;

        Walk(Map<String, byte[]> keys, Set<String> trustedKeys, Map<Integer, List<Checkpoint>> checkpointsByChain,
                Map<Integer, Head> heads) {
            this.keys = keys;
            this.trustedKeys = trustedKeys;
            this.checkpointsByChain = checkpointsByChain;
            this.heads = heads;
        }

        ChainVerification broken(Long seq, long chainSeq, Problem kind, String problem) {
            return ChainVerification.brokenAt(checked, checkpointsChecked, seq, chain, chainSeq, kind,
                    "chain " + chain + ": " + problem, List.copyOf(keys.keySet()));
        }

        void start(int newChain) {
            chain = newChain;
            checkpoints = checkpointsByChain.getOrDefault(newChain, List.of());
            nextCheckpoint = 0;
            previousChainSeq = 0;
            previousSeq = 0;
            previousHash = AuditTrail.genesis(newChain);
            recentHashes.clear();
        }

        void check(int recordChain, long chainSeq, AuditRecord record) {
            if (recordChain != chain) {
                if (chain != 0) {
                    finish();
                    if (result != null) {
                        return;
                    }
                }
                start(recordChain);
            }
            checked++;
            if (chainSeq != previousChainSeq + 1) {
                result = broken(record.seq(), chainSeq, Problem.DELETED, "expected record " + (previousChainSeq + 1)
                        + " of the chain next: records were deleted");
            } else if (!record.previousHash().equals(previousHash)) {
                result = recentHashes.containsKey(record.previousHash())
                        ? broken(record.seq(), chainSeq, Problem.REORDERED, "does not chain to record " + previousSeq
                                + " but to record " + recentHashes.get(record.previousHash()) + ": reordered")
                        : broken(record.seq(), chainSeq, Problem.INSERTED, "does not chain to record " + previousSeq
                                + ": inserted");
            } else if (record.seq() <= previousSeq) {
                // seq is taken under the chain's lock, so it rises along the chain.
                result = broken(record.seq(), chainSeq, Problem.REORDERED, "numbered before record " + previousSeq
                        + " which it follows: reordered");
            } else if (!AuditHashing.hash(record).equals(record.recordHash())) {
                result = broken(record.seq(), chainSeq, Problem.ALTERED, "content does not match its hash: altered");
            }
            if (result != null) {
                return;
            }
            previousChainSeq = chainSeq;
            previousSeq = record.seq();
            previousHash = record.recordHash();
            recentHashes.put(previousHash, previousSeq);
            while (result == null && nextCheckpoint < checkpoints.size()
                    && checkpoints.get(nextCheckpoint).seq() <= record.seq()) {
                checkCheckpoint(checkpoints.get(nextCheckpoint++), record, chainSeq);
            }
        }

        /** The end of a chain: checkpoints past its last record, and its head row. */
        void finish() {
            finished.add(chain);
            while (result == null && nextCheckpoint < checkpoints.size()) {
                Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
                if (signatureValid(checkpoint)) {
                    result = broken(checkpoint.seq(), previousChainSeq + 1, Problem.DELETED, "records after "
                            + previousSeq + " are missing: checkpoint " + checkpoint.seq() + " was signed at "
                            + checkpoint.signedAt());
                } else {
                    result = broken(checkpoint.seq(), previousChainSeq + 1, Problem.CHECKPOINT_SIGNATURE_INVALID,
                            "checkpoint " + checkpoint.seq() + " has no valid signature");
                }
            }
            if (result != null) {
                return;
            }
            Head head = heads.get(chain);
            if (head == null) {
                result = broken(null, previousChainSeq + 1, Problem.DELETED, "the chain's head row is missing");
            } else if (head.chainSeq() != previousChainSeq || !head.hash().equals(previousHash)) {
                result = broken(null, previousChainSeq + 1, Problem.DELETED, "records after " + previousSeq
                        + " are missing: the chain head is at record " + head.chainSeq() + " of the chain");
            }
        }

        private void checkCheckpoint(Checkpoint checkpoint, AuditRecord record, long chainSeq) {
            checkpointsChecked++;
            if (!signatureValid(checkpoint)) {
                result = broken(checkpoint.seq(), chainSeq, Problem.CHECKPOINT_SIGNATURE_INVALID,
                        "checkpoint " + checkpoint.seq() + " has no valid signature");
            } else if (!trustedKeys.isEmpty() && !trustedKeys.contains(checkpoint.keyId())) {
                result = broken(checkpoint.seq(), chainSeq, Problem.CHECKPOINT_KEY_UNTRUSTED, "checkpoint "
                        + checkpoint.seq() + " is signed with key " + checkpoint.keyId()
                        + ", which is not a trusted audit signing key: the database's keys may have been replaced");
            } else if (checkpoint.seq() != record.seq() || !checkpoint.headHash().equals(record.recordHash())) {
                result = broken(checkpoint.seq(), chainSeq, Problem.CHECKPOINT_MISMATCH, "checkpoint "
                        + checkpoint.seq() + " signed a different chain: the records up to it were rewritten");
            }
        }

        private boolean signatureValid(Checkpoint checkpoint) {
            byte[] key = keys.get(checkpoint.keyId());
            if (key == null || !keyMatchesId.computeIfAbsent(checkpoint.keyId(),
                    id -> id.equals(CheckpointSignatures.keyId(key)))) {
                return false;
            }
            return CheckpointSignatures.verify(key, CheckpointSignatures.signedContent(checkpoint.chain(),
                    checkpoint.seq(), checkpoint.headHash(), checkpoint.signedAt(), checkpoint.keyId()),
                    checkpoint.signature());
        }
    }

}
