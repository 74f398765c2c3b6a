package uk.org.earlyhelp.gateway.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds audit records by time, agency, decision and receipt, newest first, a page at a time. */
@Component
public class AuditSearch {

    public record Criteria(Instant from, Instant to, String agencyId, String decision, String receiptId,
            int page, int size) {
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
        parameters.addValue("limit", criteria.size()).addValue("offset", (long) criteria.page() * criteria.size());
        String sql = "select * from audit_records"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by seq desc limit :limit offset :offset";
        return jdbc.query(sql, parameters, AuditTrail.RECORDS);
    }
}
