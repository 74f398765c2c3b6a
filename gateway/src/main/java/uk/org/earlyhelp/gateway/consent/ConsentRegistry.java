package uk.org.earlyhelp.gateway.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records consent about a person or a family, and works out the consent in force for a set of persons:
 * for each person and each of their families the latest record counts, and across them the most
 * restrictive wins (a refusal or withdrawal by anyone outranks consent given by another).
 */
@Component
public class ConsentRegistry {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ConsentRegistry(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID recordForPerson(UUID personId, ConsentStatus status, String recordedBy, String evidence) {
        return insert(personId, null, status, recordedBy, evidence);
    }

    public UUID recordForFamily(UUID familyId, ConsentStatus status, String recordedBy, String evidence) {
        return insert(null, familyId, status, recordedBy, evidence);
    }

    public EffectiveConsent effectiveFor(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return EffectiveConsent.NONE;
        }
        List<EffectiveConsent> latest = jdbc.query("""
                select distinct on (coalesce(c.person_id, c.family_id)) c.consent_id, c.status
                  from consent_records c
                 where c.person_id in (:persons)
                    or c.family_id in (select family_id from family_members where person_id in (:persons))
                 order by coalesce(c.person_id, c.family_id), c.recorded_at desc
                """, new MapSqlParameterSource("persons", personIds),
                (row, n) -> new EffectiveConsent(ConsentStatus.valueOf(row.getString("status").toUpperCase()),
                        row.getObject("consent_id", UUID.class)));
        return latest.stream().filter(consent -> consent.status().restricts()).findFirst()
                .or(() -> latest.stream().findFirst())
                .orElse(EffectiveConsent.NONE);
    }

    private UUID insert(UUID personId, UUID familyId, ConsentStatus status, String recordedBy, String evidence) {
        if (status == ConsentStatus.NONE) {
            throw new IllegalArgumentException("a consent record is given, refused or withdrawn");
        }
        UUID consentId = UUID.randomUUID();
        jdbc.update("""
                insert into consent_records (consent_id, person_id, family_id, status, recorded_at, recorded_by,
                                             evidence_reference)
                values (:id, :person, :family, :status, :at, :by, :evidence)
                """, new MapSqlParameterSource()
                .addValue("id", consentId).addValue("person", personId).addValue("family", familyId)
                .addValue("status", status.id()).addValue("at", Timestamp.from(clock.instant()))
                .addValue("by", recordedBy).addValue("evidence", evidence));
        return consentId;
    }
}
