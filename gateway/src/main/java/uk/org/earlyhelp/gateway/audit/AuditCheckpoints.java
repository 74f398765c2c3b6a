package uk.org.earlyhelp.gateway.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the chain head: in the appending transaction every {@code gateway.audit.checkpoint-every}
 * records, and on a schedule ({@code gateway.audit.checkpoint-interval}) when records were added since
 * the last checkpoint. The public key goes into {@code audit_signing_keys} beside them, so the
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

    /** Signs the given head inside the appender's transaction, which holds the chain head lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    void sign(long seq, String headHash) {
        jdbc.update("insert into audit_signing_keys (key_id, algorithm, public_key, added_at) values (?, ?, ?, ?) "
                + "on conflict (key_id) do nothing", keyId, CheckpointSignatures.ALGORITHM, publicKeyInfo,
                Timestamp.from(clock.instant()));
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String signature = CheckpointSignatures.sign(key.privateKey(),
                CheckpointSignatures.signedContent(seq, headHash, signedAt, keyId));
        jdbc.update("insert into audit_checkpoints (seq, head_hash, signed_at, signature, key_id) values (?, ?, ?, ?, ?) "
                + "on conflict (seq) do nothing", seq, headHash, Timestamp.from(signedAt), signature, keyId);
    }

    /**
     * Signs the committed chain head if records were added since the last checkpoint.
     *
     * @return the seq signed, or -1 when there was nothing new
     */
    @Scheduled(fixedDelayString = "${gateway.audit.checkpoint-interval:PT1M}",
            initialDelayString = "${gateway.audit.checkpoint-interval:PT1M}")
    @Transactional
    public long checkpointNow() {
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_chain_head where id = 1");
        long seq = ((Number) head.get("seq")).longValue();
        Long last = jdbc.queryForObject("select max(seq) from audit_checkpoints", Long.class);
        if (seq == 0 || (last != null && last >= seq)) {
            return -1;
        }
        sign(seq, (String) head.get("hash"));
        return seq;
    }
}
