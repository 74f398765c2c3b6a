package uk.org.earlyhelp.gateway.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * The outcome of walking the audit chain and its signed checkpoints.
 *
 * @param firstBrokenSeq the first record or checkpoint that was altered, inserted, out of place or
 *                       deleted, or that follows a deleted one; null when the chain is intact, or when
 *                       a deleted tail is known only from the chain head (then see chain and chainSeq)
 * @param chain          the chain of the problem (the trail is several chains, each verified on its own)
 * @param chainSeq       where in that chain: the record's number in it, or the first missing one
 * @param kind           what is wrong there; null when intact
 * @param signingKeys    the fingerprints of the keys the checkpoints were signed with, to compare with
 *                       the gateway's own (logged at start) or a copy kept elsewhere
 */
public record ChainVerification(boolean intact, long recordsChecked, long checkpointsChecked, Long firstBrokenSeq,
        Integer chain, Long chainSeq, Problem kind, String problem, List<String> signingKeys) {

    /** What was found at {@link #firstBrokenSeq}. */
    public enum Problem {
        ALTERED("altered"),
        DELETED("deleted"),
        INSERTED("inserted"),
        REORDERED("reordered"),
        CHECKPOINT_SIGNATURE_INVALID("checkpoint-signature-invalid"),
        /** Validly signed, but with a key not among {@code gateway.audit.signing.trusted-keys}. */
        CHECKPOINT_KEY_UNTRUSTED("checkpoint-key-untrusted"),
        CHECKPOINT_MISMATCH("checkpoint-does-not-match-chain");

        private final String id;

        Problem(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    static ChainVerification intact(long recordsChecked, long checkpointsChecked, List<String> signingKeys) {
        return new ChainVerification(true, recordsChecked, checkpointsChecked, null, null, null, null, null,
                signingKeys);
    }

    static ChainVerification brokenAt(long recordsChecked, long checkpointsChecked, Long seq, int chain,
            long chainSeq, Problem kind, String problem, List<String> signingKeys) {
        return new ChainVerification(false, recordsChecked, checkpointsChecked, seq, chain, chainSeq, kind, problem,
                signingKeys);
    }
}
