package uk.org.earlyhelp.gateway.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds audit records by time, agency, decision, receipt, person (their pseudonymous keys), flag type,
 * rule, locality and agreement, newest first, a page at a time.
 */
@Component
public class AuditSearch {

    /**
     * @param subjectKeys records about any of these pseudonymous keys; empty for anyone
     * @param agreement   the agreement named on the record (received, shared, withheld, pending records)
     */
    public record Criteria(Instant from, Instant to, String agencyId, String decision, String receiptId,
            List<String> subjectKeys, String flagType, String ruleId, String locality, String agreement, int page,
            int size) {

        public Criteria {
            subjectKeys = subjectKeys == null ? List.of() : List.copyOf(subjectKeys);
        }

        public Criteria(Instant from, Instant to, String agencyId, String decision, String receiptId, int page,
                int size) {
            this(from, to, agencyId, decision, receiptId, List.of(), null, null, null, null, page, size);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public AuditSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditRecord> find(Criteria criteria) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (criteria.from() != null) {
            where.add("recorded_at >= :from");
            parameters.addValue("from", Timestamp.from(criteria.from()));
        }
        if (criteria.to() != null) {
            where.add("recorded_at < :to");
            parameters.addValue("to", Timestamp.from(criteria.to()));
        }
        if (criteria.agencyId() != null) {
            where.add("agency_id = :agency");
            parameters.addValue("agency", criteria.agencyId());
        }
        if (criteria.decision() != null) {
            where.add("decision = :decision");
            parameters.addValue("decision", criteria.decision());
        }
        if (criteria.receiptId() != null) {
            where.add("receipt_id = cast(:receipt as uuid)");
            parameters.addValue("receipt", criteria.receiptId());
        }
        if (!criteria.subjectKeys().isEmpty()) {
            // Array overlap: answered from the GIN index on subject_keys.
            where.add("subject_keys && cast(:keys as text[])");
            parameters.addValue("keys", criteria.subjectKeys().toArray(String[]::new));
        }
        if (criteria.flagType() != null) {
            where.add("flag_type = :flagType");
            parameters.addValue("flagType", criteria.flagType());
        }
        if (criteria.ruleId() != null) {
            where.add("rule_id = :ruleId");
            parameters.addValue("ruleId", criteria.ruleId());
        }
        if (criteria.locality() != null) {
            where.add("detail->>'locality' = :locality");
            parameters.addValue("locality", criteria.locality());
        }
        if (criteria.agreement() != null) {
            where.add("detail->>'agreement' = :agreement");
            parameters.addValue("agreement", criteria.agreement());
        }
        parameters.addValue("limit", criteria.size()).addValue("offset", (long) criteria.page() * criteria.size());
        String sql = "select * from audit_records"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by seq desc limit :limit offset :offset";
        return jdbc.query(sql, parameters, AuditTrail.RECORDS);
    }
}
