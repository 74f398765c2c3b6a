package uk.org.earlyhelp.gateway.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs chain heads: a chain's in the appending transaction every {@code gateway.audit.checkpoint-every}
 * records of that chain, and on a schedule ({@code gateway.audit.checkpoint-interval}) every chain's head
 * that moved since its last checkpoint. The public key goes into {@code audit_signing_keys} beside them, so the
 * checkpoints can be checked with it alone.
 */
@Component
public class AuditCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditSigningKey key;
    private final byte[] publicKeyInfo;
    private final String keyId;

    public AuditCheckpoints(JdbcTemplate jdbc, Clock clock, AuditSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = AuditSigningKey.load(settings.signing());
        this.publicKeyInfo = key.publicKey().getEncoded();
        this.keyId = CheckpointSignatures.keyId(publicKeyInfo);
        LOG.info("audit checkpoints are signed with Ed25519 key {}", keyId);
    }

    /** The signing key's fingerprint (hex SHA-256 of its public key), to compare with what verification reports. */
    public String keyId() {
        return keyId;
    }

    /** Signs the given head of a chain inside the appender's transaction, which holds that chain's lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    void sign(int chain, long seq, String headHash) {
        jdbc.update("insert into audit_signing_keys (key_id, algorithm, public_key, added_at) values (?, ?, ?, ?) "
                + "on conflict (key_id) do nothing", keyId, CheckpointSignatures.ALGORITHM, publicKeyInfo,
                Timestamp.from(clock.instant()));
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String signature = CheckpointSignatures.sign(key.privateKey(),
                CheckpointSignatures.signedContent(chain, seq, headHash, signedAt, keyId));
        jdbc.update("insert into audit_checkpoints (chain, seq, head_hash, signed_at, signature, key_id) "
                + "values (?, ?, ?, ?, ?, ?) on conflict (seq) do nothing",
                chain, seq, headHash, Timestamp.from(signedAt), signature, keyId);
    }

    /**
     * Signs the committed head of every chain that has records added since its last checkpoint.
     *
     * @return the highest seq signed, or -1 when there was nothing new
     */
    @Scheduled(fixedDelayString = "${gateway.audit.checkpoint-interval:PT1M}",
            initialDelayString = "${gateway.audit.checkpoint-interval:PT1M}")
    @Transactional
    public long checkpointNow() {
        List<Map<String, Object>> moved = jdbc.queryForList("""
                select h.chain, r.seq, h.hash
                from audit_chain_head h join audit_records r on r.chain = h.chain and r.chain_seq = h.chain_seq
                where r.seq > coalesce((select max(c.seq) from audit_checkpoints c where c.chain = h.chain), 0)
                order by h.chain
                """);
        long highest = -1;
        for (Map<String, Object> head : moved) {
            long seq = ((Number) head.get("seq")).longValue();
            sign(((Number) head.get("chain")).intValue(), seq, (String) head.get("hash"));
            highest = Math.max(highest, seq);
        }
        return highest;
    }
}
