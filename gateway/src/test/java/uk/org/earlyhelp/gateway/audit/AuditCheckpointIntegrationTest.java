package uk.org.earlyhelp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.org.earlyhelp.gateway.audit.ChainVerification.Problem;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * Signed checkpoints: written every N records and on demand, checked with the stored public key, and
 * they expose a rewritten signature or a deleted tail. Tampering happens in a transaction that is rolled
 * back, holding the chain head lock, so other tests never see a broken chain.
 */
class AuditCheckpointIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditSettings settings;

    @Test
    void aCheckpointSignedWithAKeyThatIsNotPinnedIsNamed() throws Exception {
        awaitDecision(submit("county-police", TestFlags.policeDomesticAbuse(new TestFamily(), false)), "family-linked");
        checkpoints.checkpointNow();

        ChainVerification pinnedElsewhere = verifyTrusting("0".repeat(64));
        assertThat(pinnedElsewhere.kind()).as(String.valueOf(pinnedElsewhere)).isEqualTo(Problem.CHECKPOINT_KEY_UNTRUSTED);
        assertThat(pinnedElsewhere.problem()).contains(checkpoints.keyId(), "not a trusted audit signing key");

        ChainVerification pinnedOurs = verifyTrusting(checkpoints.keyId());
        assertThat(pinnedOurs.intact()).as(String.valueOf(pinnedOurs)).isTrue();
    }

    private long longestChain() {
        Long longest = jdbc.queryForObject("select max(chain_seq) from audit_records", Long.class);
        return longest == null ? 0 : longest;
    }

    /** A verifier configured with {@code gateway.audit.signing.trusted-keys} = the one key, in one snapshot. */
    private ChainVerification verifyTrusting(String keyId) {
        AuditSettings.Signing signing = settings.signing();
        AuditChainVerifier pinned = new AuditChainVerifier(jdbc, new AuditSettings(settings.pseudonymisationKeyFile(),
                settings.checkpointEvery(), settings.checkpointInterval(), new AuditSettings.Signing(signing.keyStore(),
                        signing.password(), signing.alias(), signing.createIfMissing(), List.of(keyId))));
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        return snapshot.execute(status -> pinned.verify());
    }

    @Test
    void checkpointsAreSignedEveryNRecordsAndTheChainVerifies() throws Exception {
        // Records spread over the chains: enough flags that some chain passes 10 records, whatever ran before.
        for (int flags = 0; flags < 40 && longestChain() < 20; flags++) {
            String receipt = submit("county-police", TestFlags.policeDomesticAbuse(new TestFamily(), false));
            awaitDecision(receipt, "family-linked");
        }
        checkpoints.checkpointNow();

        // Every 10th record of a chain (the test setting) is signed in its own transaction.
        assertThat(jdbc.queryForObject("select count(*) from audit_checkpoints c join audit_records r on r.seq = c.seq "
                + "where r.chain = c.chain and r.chain_seq % 10 = 0", Long.class)).isPositive();
        // The scheduled checkpoint leaves no chain's head unsigned.
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_chain_head h join audit_records r on r.chain = h.chain and r.chain_seq = h.chain_seq
                where not exists (select 1 from audit_checkpoints c where c.chain = h.chain and c.seq >= r.seq)
                """, Long.class)).isZero();
        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).as(String.valueOf(verification)).isTrue();
        assertThat(verification.checkpointsChecked()).isPositive();
        assertThat(verification.signingKeys()).containsExactly(checkpoints.keyId());
        Map<String, Object> key = jdbc.queryForMap("select algorithm from audit_signing_keys where key_id = ?",
                checkpoints.keyId());
        assertThat(key.get("algorithm")).isEqualTo("Ed25519");
    }

    @Test
    void anAlteredCheckpointSignatureIsNamed() throws Exception {
        String receipt = submit("greenfield-primary", TestFlags.schoolSuspension(new TestFamily()));
        awaitDecision(receipt, "family-linked");
        long seq = signedHead();

        ChainVerification tampered = rolledBack(() -> {
            jdbc.execute("alter table audit_checkpoints disable trigger audit_checkpoints_append_only");
            String other = jdbc.queryForObject("select signature from audit_checkpoints where seq < ? order by seq desc "
                    + "limit 1", String.class, seq);
            jdbc.update("update audit_checkpoints set signature = ? where seq = ?", other, seq);
            return verifier.verify();
        });

        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.firstBrokenSeq()).isEqualTo(seq);
        assertThat(tampered.kind()).isEqualTo(Problem.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRewrittenAndReHashedRecordNoLongerMatchesItsCheckpoint() throws Exception {
        String receipt = submit("greenfield-primary", TestFlags.schoolSuspension(new TestFamily()));
        Map<String, Object> linked = awaitDecision(receipt, "family-linked");
        int chain = ((Number) linked.get("chain")).intValue();

        long[] head = new long[1];
        ChainVerification rewritten = rolledBack(() -> {
            Map<String, Object> chainHead = jdbc.queryForMap(
                    "select chain_seq, hash from audit_chain_head where chain = ? for update", chain);
            head[0] = jdbc.queryForObject("select seq from audit_records where chain = ? and chain_seq = ?", Long.class,
                    chain, chainHead.get("chain_seq"));
            checkpoints.sign(chain, head[0], (String) chainHead.get("hash"));
            // A DBA changes the chain's newest record and re-hashes it and the chain head: the chain alone looks intact.
            jdbc.execute("alter table audit_records disable trigger audit_records_append_only");
            AuditRecord record = jdbc.queryForObject("select * from audit_records where seq = ?", AuditTrail.RECORDS,
                    head[0]);
            AuditRecord changed = new AuditRecord(record.seq(), record.recordedAt(), "withheld", record.agencyId(),
                    record.channel(), record.flagType(), record.receiptId(), record.ruleId(), record.ruleVersion(),
                    record.subjectKeys(), record.detail(), record.previousHash(), null);
            String hash = AuditHashing.hash(changed);
            jdbc.update("update audit_records set decision = 'withheld', record_hash = ? where seq = ?", hash, head[0]);
            jdbc.update("update audit_chain_head set hash = ? where chain = ?", hash, chain);
            return verifier.verify();
        });

        assertThat(rewritten.intact()).isFalse();
        assertThat(rewritten.firstBrokenSeq()).isEqualTo(head[0]);
        assertThat(rewritten.chain()).isEqualTo(chain);
        assertThat(rewritten.kind()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
    }

    @Test
    void deletingTheTailAndRewindingTheChainHeadIsFoundAgainstTheLastCheckpoint() throws Exception {
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(new TestFamily(), false));
        awaitDecision(receipt, "family-linked");
        long seq = signedHead();
        int chain = jdbc.queryForObject("select chain from audit_checkpoints where seq = ?", Integer.class, seq);

        long[] cut = new long[1];
        ChainVerification truncated = rolledBack(() -> {
            jdbc.queryForMap("select chain_seq from audit_chain_head where chain = ? for update", chain);
            jdbc.execute("alter table audit_records disable trigger audit_records_append_only");
            long signed = jdbc.queryForObject("select chain_seq from audit_records where seq = ?", Long.class, seq);
            cut[0] = Math.max(0, signed - 2);
            String hash = cut[0] == 0 ? AuditTrail.genesis(chain) : jdbc.queryForObject(
                    "select record_hash from audit_records where chain = ? and chain_seq = ?", String.class, chain, cut[0]);
            jdbc.update("delete from audit_records where chain = ? and chain_seq > ?", chain, cut[0]);
            jdbc.update("update audit_chain_head set chain_seq = ?, hash = ? where chain = ?", cut[0], hash, chain);
            return verifier.verify();
        });

        assertThat(truncated.intact()).isFalse();
        assertThat(truncated.kind()).isEqualTo(Problem.DELETED);
        assertThat(truncated.chain()).isEqualTo(chain);
        assertThat(truncated.chainSeq()).isEqualTo(cut[0] + 1);
        assertThat(truncated.firstBrokenSeq()).isEqualTo(seq);
        assertThat(truncated.problem()).contains("checkpoint");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aChainWhoseRecordsAndHeadWereDeletedIsFoundAgainstItsCheckpoints() throws Exception {
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(new TestFamily(), false));
        awaitDecision(receipt, "family-linked");
        long seq = signedHead();
        int chain = jdbc.queryForObject("select chain from audit_checkpoints where seq = ?", Integer.class, seq);

        ChainVerification erased = rolledBack(() -> {
            jdbc.queryForMap("select chain_seq from audit_chain_head where chain = ? for update", chain);
            jdbc.execute("alter table audit_records disable trigger audit_records_append_only");
            jdbc.update("delete from audit_records where chain = ?", chain);
            jdbc.update("delete from audit_chain_head where chain = ?", chain);
            return verifier.verify();
        });

        assertThat(erased.intact()).isFalse();
        assertThat(erased.kind()).isEqualTo(Problem.DELETED);
        assertThat(erased.chain()).isEqualTo(chain);
        assertThat(erased.chainSeq()).isEqualTo(1);
        assertThat(erased.problem()).contains("checkpoint");
    }

    /** Signs the current head, waiting out a concurrent checkpoint, and returns the seq of the last checkpoint. */
    private long signedHead() {
        checkpoints.checkpointNow();
        return jdbc.queryForObject("select max(seq) from audit_checkpoints", Long.class);
    }

    private ChainVerification rolledBack(java.util.function.Supplier<ChainVerification> tampering) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        return template.execute(status -> {
            status.setRollbackOnly();
            return tampering.get();
        });
    }
}
