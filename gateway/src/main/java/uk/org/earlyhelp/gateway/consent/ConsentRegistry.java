package uk.org.earlyhelp.gateway.consent;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records consent about a person or a family, and works out the consent in force for a flag. The rule:
 * only records that apply count (the flag's agency kind and purpose within their scope, not expired on
 * the flag's date); of those, for each person and each of their families the latest counts; across
 * them the most restrictive wins, so a refusal or withdrawal by anyone outranks consent given by another.
 * Records are only ever added: the history is never overwritten.
 */
@Component
public class ConsentRegistry {

    public static final String PURPOSE_EARLY_HELP = "early-help";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ConsentRegistry(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID recordForPerson(UUID personId, ConsentStatus status, String recordedBy, String evidence) {
        return insert(personId, null, status, ConsentScope.EVERYTHING, recordedBy, evidence);
    }

    public UUID recordForFamily(UUID familyId, ConsentStatus status, String recordedBy, String evidence) {
        return insert(null, familyId, status, ConsentScope.EVERYTHING, recordedBy, evidence);
    }

    public UUID record(UUID personId, UUID familyId, ConsentStatus status, ConsentScope scope, String recordedBy,
            String evidence) {
        return insert(personId, familyId, status, scope, recordedBy, evidence);
    }

    /** The consent in force for every purpose and agency kind today (tests and simple callers). */
    public EffectiveConsent effectiveFor(Collection<UUID> personIds) {
        return effectiveFor(personIds, null, PURPOSE_EARLY_HELP, LocalDate.now(clock));
    }

    /**
     * @param agencyKind the kind of agency the flag comes from, or null to ignore agency-kind scopes
     * @param on         the flag's date: records expired by then do not count
     */
    public EffectiveConsent effectiveFor(Collection<UUID> personIds, String agencyKind, String purpose, LocalDate on) {
        if (personIds.isEmpty()) {
            return EffectiveConsent.NONE;
        }
        List<EffectiveConsent> latest = jdbc.query("""
                select distinct on (coalesce(c.person_id, c.family_id)) c.consent_id, c.status
                  from consent_records c
                 where (c.person_id in (:persons)
                        or c.family_id in (select family_id from family_members where person_id in (:persons)))
                   and (c.agency_kinds is null or cast(:kind as text) is null or cast(:kind as text) = any (c.agency_kinds))
                   and (c.purposes is null or :purpose = any (c.purposes))
                   and (c.expires_on is null or c.expires_on >= :on)
                 order by coalesce(c.person_id, c.family_id), c.recorded_at desc
                """, new MapSqlParameterSource("persons", personIds).addValue("kind", agencyKind)
                        .addValue("purpose", purpose).addValue("on", Date.valueOf(on)),
                (row, n) -> new EffectiveConsent(ConsentStatus.valueOf(row.getString("status").toUpperCase()),
                        row.getObject("consent_id", UUID.class)));
        return latest.stream().filter(consent -> consent.status().restricts()).findFirst()
                .or(() -> latest.stream().findFirst())
                .orElse(EffectiveConsent.NONE);
    }

    /** The whole history about a person and their family, newest first. */
    public List<ConsentRecord> history(UUID personId, UUID familyId) {
        return jdbc.query("""
                select * from consent_records
                 where person_id = :person or family_id = :family
                 order by recorded_at desc
                """, new MapSqlParameterSource("person", personId).addValue("family", familyId),
                (row, n) -> new ConsentRecord(row.getObject("consent_id", UUID.class),
                        row.getObject("person_id", UUID.class), row.getObject("family_id", UUID.class),
                        row.getString("status"), strings(row.getArray("agency_kinds")),
                        strings(row.getArray("purposes")),
                        row.getDate("expires_on") == null ? null : row.getDate("expires_on").toLocalDate(),
                        row.getTimestamp("recorded_at").toInstant(), row.getString("recorded_by"),
                        row.getString("evidence_reference")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }

    private UUID insert(UUID personId, UUID familyId, ConsentStatus status, ConsentScope scope, String recordedBy,
            String evidence) {
        if (status == ConsentStatus.NONE) {
            throw new IllegalArgumentException("a consent record is given, refused or withdrawn");
        }
        UUID consentId = UUID.randomUUID();
        jdbc.update("""
                insert into consent_records (consent_id, person_id, family_id, status, recorded_at, recorded_by,
                                             evidence_reference, agency_kinds, purposes, expires_on)
                values (:id, :person, :family, :status, :at, :by, :evidence, :kinds, :purposes, :expires)
                """, new MapSqlParameterSource()
                .addValue("id", consentId).addValue("person", personId).addValue("family", familyId)
                .addValue("kinds", scope.agencyKinds() == null ? null : scope.agencyKinds().toArray(String[]::new))
                .addValue("purposes", scope.purposes() == null ? null : scope.purposes().toArray(String[]::new))
                .addValue("expires", scope.expiresOn() == null ? null : Date.valueOf(scope.expiresOn()))
                .addValue("status", status.id()).addValue("at", Timestamp.from(clock.instant()))
                .addValue("by", recordedBy).addValue("evidence", evidence));
        return consentId;
    }
}
