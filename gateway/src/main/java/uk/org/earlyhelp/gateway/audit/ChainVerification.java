package uk.org.earlyhelp.gateway.audit;

/**
 * The outcome of walking the audit chain.
 *
 * @param firstBrokenSeq the first record that was altered, inserted or out of place, or that follows a
 *                       deleted one; null when the chain is intact
 */
public record ChainVerification(boolean intact, long recordsChecked, Long firstBrokenSeq, String problem) {

    static ChainVerification intact(long recordsChecked) {
        return new ChainVerification(true, recordsChecked, null, null);
    }

    static ChainVerification brokenAt(long recordsChecked, long seq, String problem) {
        return new ChainVerification(false, recordsChecked, seq, problem);
    }
}
