package uk.org.earlyhelp.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends records to the audit's hash chains. The trail is {@link #CHAINS several chains} (V9), so that
 * concurrent transactions need not wait for each other: a transaction's first record takes a chain no
 * other transaction holds (its head row locked, {@code skip locked}), and all its records go to that chain.
 * The lock is held to the end of the transaction, which is what makes "the decision and its audit record
 * commit together" true and numbers each chain's records ({@code chain_seq}) without gaps, each chained
 * to its predecessor. {@code seq} numbers all records in the order they were written, across chains.
 *
 * <p>One chain per transaction also means two appending transactions can never deadlock on the heads.
 */
@Component
public class AuditTrail {

    /** How many chains V9 created: more than the connection pool holds, so a free one is always at hand. */
    static final int CHAINS = 32;

    static final RowMapper<AuditRecord> RECORDS = AuditTrail::mapRecord;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };
    /** How long an append waits for a free chain (every chain held by a running transaction) before failing. */
    private static final Duration WAIT_FOR_A_CHAIN = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditCheckpoints checkpoints;
    private final int checkpointEvery;

    public AuditTrail(JdbcTemplate jdbc, Clock clock, AuditCheckpoints checkpoints, AuditSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.checkpointEvery = settings.checkpointEvery();
    }

    /** The first record of a chain points to this instead of a predecessor: it names the chain. */
    static String genesis(int chain) {
        // Chain 1 is the single chain from before V9, whose first record points to "genesis".
        return chain == 1 ? "genesis" : "genesis:" + chain;
    }

    /**
     * Appends in the caller's transaction (a decision without its audit record cannot commit).
     *
     * @return the record's seq
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(AuditEntry entry) {
        return write(entry);
    }

    /**
     * Appends in a transaction of its own, for decisions whose surrounding work is rolled back (a
     * rejected flag stores nothing, but its rejection must still be on record).
     *
     * @return the record's seq
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long appendIndependently(AuditEntry entry) {
        return write(entry);
    }

    private long write(AuditEntry entry) {
        ChainHead head = chainOfThisTransaction();
        long chainSeq = head.chainSeq + 1;
        // Taken under the chain's lock, so seq rises along each chain as chain_seq does.
        long seq = jdbc.queryForObject("select nextval('audit_record_seq')", Long.class);
        // PostgreSQL keeps microseconds: truncate first so the hash survives the round trip.
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String previousHash = head.hash;
        String hash = AuditHashing.hash(previousHash, seq, recordedAt.toString(), entry.decision(), entry.agencyId(),
                entry.channel(), entry.flagType(), entry.receiptId(), entry.ruleId(), entry.ruleVersion(),
                entry.subjectKeys(), entry.detail());
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_records (seq, chain, chain_seq, recorded_at, decision, agency_id, channel,
                                               flag_type, receipt_id, rule_id, rule_version, subject_keys, detail,
                                               previous_hash, record_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                    """);
            insert.setLong(1, seq);
            insert.setInt(2, head.chain);
            insert.setLong(3, chainSeq);
            insert.setTimestamp(4, Timestamp.from(recordedAt));
            insert.setString(5, entry.decision());
            insert.setString(6, entry.agencyId());
            insert.setString(7, entry.channel());
            insert.setString(8, entry.flagType());
            insert.setObject(9, entry.receiptId() == null ? null : UUID.fromString(entry.receiptId()));
            insert.setString(10, entry.ruleId());
            insert.setObject(11, entry.ruleVersion(), Types.INTEGER);
            insert.setArray(12, connection.createArrayOf("text", entry.subjectKeys().toArray()));
            insert.setString(13, AuditHashing.canonicalJson(entry.detail()));
            insert.setString(14, previousHash);
            insert.setString(15, hash);
            return insert;
        });
        jdbc.update("update audit_chain_head set chain_seq = ?, hash = ? where chain = ?", chainSeq, hash, head.chain);
        head.chainSeq = chainSeq;
        head.hash = hash;
        if (chainSeq % checkpointEvery == 0) {
            checkpoints.sign(head.chain, seq, hash);
        }
        return seq;
    }

    /** The head of the chain this transaction writes to, as this transaction last left it. */
    private static final class ChainHead {
        final int chain;
        long chainSeq;
        String hash;

        ChainHead(int chain, long chainSeq, String hash) {
            this.chain = chain;
            this.chainSeq = chainSeq;
            this.hash = hash;
        }
    }

    /**
     * The chain this transaction holds, or a free one locked now and kept (bound to the transaction, and
     * set aside while an inner independent transaction runs).
     */
    private ChainHead chainOfThisTransaction() {
        ChainHead held = (ChainHead) TransactionSynchronizationManager.getResource(this);
        if (held != null) {
            return held;
        }
        ChainHead head = lockAFreeChain();
        TransactionSynchronizationManager.bindResource(this, head);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(AuditTrail.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(AuditTrail.this, head);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
            }
        });
        return head;
    }

    /**
     * Locks a chain head no other transaction holds. It never waits on a lock (so a transaction suspended
     * on this thread, holding a chain, cannot deadlock it): when every chain is held it tries again shortly.
     */
    private ChainHead lockAFreeChain() {
        long deadline = System.nanoTime() + WAIT_FOR_A_CHAIN.toNanos();
        while (true) {
            List<ChainHead> free = jdbc.query("""
                    select chain, chain_seq, hash from audit_chain_head
                    order by random() limit 1 for update skip locked
                    """, (row, n) -> new ChainHead(row.getInt("chain"), row.getLong("chain_seq"), row.getString("hash")));
            if (!free.isEmpty()) {
                return free.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no audit chain became free within " + WAIT_FOR_A_CHAIN
                        + ": more concurrent transactions than chains");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for an audit chain", e);
            }
        }
    }

    private static AuditRecord mapRecord(ResultSet row, int n) throws SQLException {
        Array keys = row.getArray("subject_keys");
        return new AuditRecord(
                row.getLong("seq"),
                row.getTimestamp("recorded_at").toInstant(),
                row.getString("decision"),
                row.getString("agency_id"),
                row.getString("channel"),
                row.getString("flag_type"),
                row.getString("receipt_id"),
                row.getString("rule_id"),
                (Integer) row.getObject("rule_version"),
                keys == null ? List.of() : Arrays.asList((String[]) keys.getArray()),
                parseDetail(row.getString("detail")),
                row.getString("previous_hash"),
                row.getString("record_hash"));
    }

    private static Map<String, Object> parseDetail(String json) {
        try {
            return JSON.readValue(json, DETAIL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record's detail is not JSON", e);
        }
    }
}
