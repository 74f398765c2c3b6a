package uk.org.earlyhelp.gateway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything disclosed about one person, from the audit: what agencies sent about them (flag type, date,
 * agency, agreement), what was shared on, withheld or dropped (decision, reason, field names), and what
 * went to a locality team in an alert (alert id, version, locality). Alerts are found through the
 * person's flags (their receipts) and the families those flags linked them to.
 */
@Component
public class SubjectAccessReport {

    /** The decisions in each part of the report. */
    static final List<String> RECEIVED = List.of(Decision.RECEIVED);
    static final List<String> SHARED = List.of(Decision.SHARED, Decision.RELEASED_BY_CONSENT);
    static final List<String> WITHHELD = List.of(Decision.FIELDS_DROPPED, Decision.WITHHELD, Decision.PENDING_CONSENT);
    static final List<String> SENT = List.of(Decision.ALERT_RAISED, Decision.ALERT_UPDATED);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public SubjectAccessReport(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One disclosure; fields that do not apply to its kind are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long seq, Instant recordedAt, String decision, String agencyId, String channel,
            String flagType, String receiptId, String agreement, String ruleId, Integer ruleVersion,
            List<String> fields, String reason, String alertId, Integer alertVersion, String locality) {
    }

    public record Report(Instant generatedAt, List<String> subjectKeys, List<Entry> received, List<Entry> shared,
            List<Entry> withheld, List<Entry> sent) {

        /** Every entry with its part's name, in audit order: the CSV's rows. */
        public List<Map.Entry<String, Entry>> rows() {
            return Stream.of(part("received", received), part("shared", shared), part("withheld", withheld),
                            part("sent", sent))
                    .flatMap(List::stream)
                    .sorted((a, b) -> Long.compare(a.getValue().seq(), b.getValue().seq()))
                    .toList();
        }

        private static List<Map.Entry<String, Entry>> part(String name, List<Entry> entries) {
            return entries.stream().map(entry -> Map.entry(name, entry)).toList();
        }
    }

    @Transactional(readOnly = true)
    public Report about(List<String> subjectKeys) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("keys", subjectKeys.toArray(String[]::new))
                .addValue("about", Stream.of(RECEIVED, SHARED, WITHHELD).flatMap(List::stream).toArray(String[]::new))
                .addValue("sent", SENT.toArray(String[]::new));
        List<AuditRecord> about = jdbc.query("""
                select * from audit_records
                 where subject_keys && cast(:keys as text[]) and decision = any(cast(:about as text[]))
                 order by seq
                """, parameters, AuditTrail.RECORDS);
        List<AuditRecord> alerts = jdbc.query("""
                with mine as (select receipt_id, decision, detail from audit_records
                               where subject_keys && cast(:keys as text[])),
                     families as (select detail->>'familyId' as id from mine where decision = 'family-linked'
                                  union select detail->>'survivingFamilyId' from mine where decision = 'families-merged'
                                  union select detail->>'newFamilyId' from mine where decision = 'families-split')
                select * from audit_records
                 where decision = any(cast(:sent as text[]))
                   and (receipt_id in (select receipt_id from mine where receipt_id is not null)
                        or detail->>'familyId' in (select id from families where id is not null))
                 order by seq
                """, parameters, AuditTrail.RECORDS);
        List<Entry> received = new ArrayList<>();
        List<Entry> shared = new ArrayList<>();
        List<Entry> withheld = new ArrayList<>();
        for (AuditRecord record : about) {
            Entry entry = entry(record);
            if (RECEIVED.contains(record.decision())) {
                received.add(entry);
            } else if (SHARED.contains(record.decision())) {
                shared.add(entry);
            } else {
                withheld.add(entry);
            }
        }
        return new Report(clock.instant(), subjectKeys, received, shared, withheld,
                alerts.stream().map(SubjectAccessReport::entry).toList());
    }

    private static Entry entry(AuditRecord record) {
        Map<String, Object> detail = record.detail();
        List<String> fields = detail.get("dropped") instanceof List<?> dropped
                ? dropped.stream().map(String::valueOf).collect(Collectors.toList())
                : null;
        Object version = detail.get("version");
        return new Entry(record.seq(), record.recordedAt(), record.decision(), record.agencyId(), record.channel(),
                record.flagType(), record.receiptId(), text(detail.get("agreement")), record.ruleId(),
                record.ruleVersion(), fields, text(detail.get("reason")), text(detail.get("alertId")),
                version instanceof Number number ? number.intValue() : null, text(detail.get("locality")));
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }

    /** The report as CSV: a header row, then one row per entry in audit order, field names joined by ';'. */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder(
                "part,seq,recordedAt,decision,agencyId,channel,flagType,receiptId,agreement,ruleId,ruleVersion,"
                        + "fields,reason,alertId,alertVersion,locality\r\n");
        for (Map.Entry<String, Entry> row : report.rows()) {
            Entry e = row.getValue();
            List<Object> cells = new ArrayList<>(List.of(row.getKey(), e.seq(), e.recordedAt()));
            Stream.of(e.decision(), e.agencyId(), e.channel(), e.flagType(), e.receiptId(), e.agreement(),
                    e.ruleId(), e.ruleVersion(), e.fields() == null ? null : String.join(";", e.fields()), e.reason(),
                    e.alertId(), e.alertVersion(), e.locality()).forEach(cells::add);
            out.append(cells.stream().map(SubjectAccessReport::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // Quoted when needed (RFC 4180); a leading formula character is defused for spreadsheets.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches(".*[\",\r\n].*") || text.contains("\n") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
