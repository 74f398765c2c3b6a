package uk.org.earlyhelp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.org.earlyhelp.gateway.audit.ChainVerification.Problem;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;

/**
 * The audit as several chains: concurrent transactions append side by side on chains of their own, a
 * transaction's records stay together in one chain, and a record moved from one chain into another is
 * named. Records here carry a receipt id of their own, so no other test counts them.
 */
class AuditChainsIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aTransactionHoldingAChainDoesNotHoldUpAnotherTransactionsAppend() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> inTransaction(() -> {
            audit.append(entry(first));
            firstAppended.countDown();
            // Still open, so its chain's head stays locked, until the other transaction has committed.
            await(secondDone);
        }));
        assertThat(firstAppended.await(30, TimeUnit.SECONDS)).isTrue();

        // With one chain this append would wait for the open transaction, which waits for it: a deadlock.
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> inTransaction(() -> audit.append(entry(second))));
        other.get(30, TimeUnit.SECONDS);
        secondDone.countDown();
        holding.get(30, TimeUnit.SECONDS);

        assertThat(chainOf(first)).isNotEqualTo(chainOf(second));
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aTransactionsRecordsFollowEachOtherInOneChain() {
        String receipt = UUID.randomUUID().toString();
        inTransaction(() -> {
            for (int i = 0; i < 3; i++) {
                audit.append(entry(receipt).detail(Map.of("n", i)));
            }
        });

        List<Map<String, Object>> records = jdbc.queryForList(
                "select seq, chain, chain_seq from audit_records where receipt_id = ?::uuid order by seq", receipt);
        assertThat(records).hasSize(3);
        assertThat(records).extracting(row -> row.get("chain")).containsOnly(records.get(0).get("chain"));
        long firstChainSeq = ((Number) records.get(0).get("chain_seq")).longValue();
        assertThat(records).extracting(row -> ((Number) row.get("chain_seq")).longValue())
                .containsExactly(firstChainSeq, firstChainSeq + 1, firstChainSeq + 2);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRecordMovedFromItsChainToTheEndOfAnotherIsNamedAsInserted() {
        // A record outside chain 1, so that chain 1 (walked first) is where the moved record turns up.
        String receipt;
        int chain;
        do {
            receipt = UUID.randomUUID().toString();
            String appended = receipt;
            inTransaction(() -> audit.append(entry(appended)));
            chain = chainOf(receipt);
        } while (chain == 1);
        Map<String, Object> moved = jdbc.queryForMap("select * from audit_records where receipt_id = ?::uuid", receipt);
        long seq = ((Number) moved.get("seq")).longValue();
        int from = chain;

        ChainVerification verification = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            Map<String, Object> target = jdbc.queryForMap(
                    "select chain_seq from audit_chain_head where chain = 1 for update");
            jdbc.queryForMap("select chain_seq from audit_chain_head where chain = ? for update", from);
            long place = ((Number) target.get("chain_seq")).longValue() + 1;
            // Moved, with both heads made to agree: the source chain now ends one record earlier.
            jdbc.execute("alter table audit_records disable trigger audit_records_append_only");
            jdbc.update("update audit_records set chain = 1, chain_seq = ? where seq = ?", place, seq);
            jdbc.update("update audit_chain_head set chain_seq = ?, hash = ? where chain = 1", place,
                    moved.get("record_hash"));
            jdbc.update("update audit_chain_head set chain_seq = chain_seq - 1, hash = ? where chain = ?",
                    moved.get("previous_hash"), from);
            return verifier.verify();
        });

        assertThat(verification.intact()).isFalse();
        assertThat(verification.kind()).isEqualTo(Problem.INSERTED);
        assertThat(verification.chain()).isEqualTo(1);
        assertThat(verification.firstBrokenSeq()).isEqualTo(seq);
        assertThat(verifier.verify().intact()).isTrue();
    }

    private static AuditEntry entry(String receiptId) {
        return AuditEntry.of(Decision.VIEWED).agency(null, "audit-chains-test").flag(null, receiptId);
    }

    private int chainOf(String receiptId) {
        return jdbc.queryForObject("select chain from audit_records where receipt_id = ?::uuid", Integer.class,
                receiptId);
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
