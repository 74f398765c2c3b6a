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

/**
 * Appends records to the hash chain. Each append locks the chain head row, so records are numbered
 * without gaps and each chains to its predecessor; the lock is held to the end of the caller's
 * transaction, which is what makes "the decision and its audit record commit together" true.
 */
@Component
public class AuditTrail {

    static final RowMapper<AuditRecord> RECORDS = AuditTrail::mapRecord;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

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

    /** Appends in the caller's transaction (a decision without its audit record cannot commit). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(AuditEntry entry) {
        return write(entry);
    }

    /**
     * Appends in a transaction of its own, for decisions whose surrounding work is rolled back (a
     * rejected flag stores nothing, but its rejection must still be on record).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long appendIndependently(AuditEntry entry) {
        return write(entry);
    }

    private long write(AuditEntry entry) {
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_chain_head where id = 1 for update");
        long seq = ((Number) head.get("seq")).longValue() + 1;
        String previousHash = (String) head.get("hash");
        // PostgreSQL keeps microseconds: truncate first so the hash survives the round trip.
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHashing.hash(previousHash, seq, recordedAt.toString(), entry.decision(), entry.agencyId(),
                entry.channel(), entry.flagType(), entry.receiptId(), entry.ruleId(), entry.ruleVersion(),
                entry.subjectKeys(), entry.detail());
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_records (seq, recorded_at, decision, agency_id, channel, flag_type, receipt_id,
                                               rule_id, rule_version, subject_keys, detail, previous_hash, record_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                    """);
            insert.setLong(1, seq);
            insert.setTimestamp(2, Timestamp.from(recordedAt));
            insert.setString(3, entry.decision());
            insert.setString(4, entry.agencyId());
            insert.setString(5, entry.channel());
            insert.setString(6, entry.flagType());
            insert.setObject(7, entry.receiptId() == null ? null : UUID.fromString(entry.receiptId()));
            insert.setString(8, entry.ruleId());
            insert.setObject(9, entry.ruleVersion(), Types.INTEGER);
            insert.setArray(10, connection.createArrayOf("text", entry.subjectKeys().toArray()));
            insert.setString(11, AuditHashing.canonicalJson(entry.detail()));
            insert.setString(12, previousHash);
            insert.setString(13, hash);
            return insert;
        });
        jdbc.update("update audit_chain_head set seq = ?, hash = ? where id = 1", seq, hash);
        if (seq % checkpointEvery == 0) {
            checkpoints.sign(seq, hash);
        }
        return seq;
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
