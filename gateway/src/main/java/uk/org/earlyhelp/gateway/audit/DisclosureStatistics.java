package uk.org.earlyhelp.gateway.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Monthly counts of the decisions about agencies' flags, per agreement, agency and decision: what the
 * information-sharing agreements' annual reviews ask for. Months are calendar months in UTC.
 */
@Component
public class DisclosureStatistics {

    private final JdbcTemplate jdbc;

    public DisclosureStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param agreement the agreement the decision was made under, or "none" when the record names none */
    public record Count(String agreement, String agencyId, String decision, long count) {
    }

    public record Month(int year, int month, Instant from, Instant to, long total, List<Count> counts) {
    }

    public Month of(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        // The agreement is named on received, shared, withheld and pending records; others of the same flag
        // (dropped fields, matched, alerted) are counted under the agreement its receipt was received under.
        List<Count> counts = jdbc.query("""
                select coalesce(r.detail->>'agreement', received.detail->>'agreement', 'none') as agreement,
                       r.agency_id, r.decision, count(*) as n
                  from audit_records r
                  left join lateral (select detail from audit_records x
                                      where x.receipt_id = r.receipt_id and x.decision = 'received' limit 1) received
                         on r.receipt_id is not null
                 where r.recorded_at >= ? and r.recorded_at < ? and r.agency_id is not null
                 group by 1, 2, 3
                 order by 1, 2, 3
                """, (row, n) -> new Count(row.getString("agreement"), row.getString("agency_id"),
                row.getString("decision"), row.getLong("n")), Timestamp.from(from), Timestamp.from(to));
        return new Month(month.getYear(), month.getMonthValue(), from, to,
                counts.stream().mapToLong(Count::count).sum(), counts);
    }
}
