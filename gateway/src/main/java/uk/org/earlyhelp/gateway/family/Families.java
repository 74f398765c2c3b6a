package uk.org.earlyhelp.gateway.family;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.model.FlagCodec;
import uk.org.earlyhelp.routes.model.ReceivedFlag;

/** The family tables: households, members, merges, splits and each family's flag history. */
@Component
public class Families {

    /** One entry of a family's history, as the alert rules read it. */
    public record HistoryEntry(String flagType, LocalDate occurredOn, String agencyKind, String needCategory,
            String severity) {
    }

    /** A member, with only what an alert may show. */
    public record Member(String role, String givenName, String familyName, LocalDate dateOfBirth) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public Families(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(UUID familyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from families where family_id = :id)",
                new MapSqlParameterSource("id", familyId), Boolean.class));
    }

    public List<UUID> familiesOf(Collection<UUID> personIds) {
        return jdbc.query("select distinct family_id from family_members where person_id in (:persons)",
                new MapSqlParameterSource("persons", personIds), (row, n) -> row.getObject(1, UUID.class));
    }

    public Optional<UUID> byHousehold(String householdKey) {
        return jdbc.query("select family_id from families where household_key = :key and merged_into is null",
                new MapSqlParameterSource("key", householdKey), (row, n) -> row.getObject(1, UUID.class))
                .stream().findFirst();
    }

    /** The families, first seen first, so merging into the first keeps the oldest id stable. */
    public List<UUID> byAge(Collection<UUID> familyIds) {
        return jdbc.query("select family_id from families where family_id in (:ids) order by created_at, family_id",
                new MapSqlParameterSource("ids", familyIds), (row, n) -> row.getObject(1, UUID.class));
    }

    public UUID oldest(Collection<UUID> familyIds) {
        return byAge(familyIds).get(0);
    }

    public Optional<UUID> familyOf(UUID personId) {
        return jdbc.query("select family_id from family_members where person_id = :person",
                new MapSqlParameterSource("person", personId), (row, n) -> row.getObject(1, UUID.class))
                .stream().findFirst();
    }

    /**
     * Locks a family that was not merged away (until the transaction ends), so a split and a merge of the
     * same family run one after the other.
     */
    public boolean lockLive(UUID familyId) {
        return !jdbc.query("select family_id from families where family_id = :id and merged_into is null for update",
                new MapSqlParameterSource("id", familyId), (row, n) -> row.getObject(1, UUID.class)).isEmpty();
    }

    /** @return the new family, or the one a concurrent consumer created for the same household first */
    public UUID create(String householdKey, String postcode) {
        UUID familyId = UUID.randomUUID();
        int created = jdbc.update("""
                insert into families (family_id, household_key, postcode, created_at)
                values (:id, :key, :postcode, :now)
                on conflict do nothing
                """, new MapSqlParameterSource().addValue("id", familyId).addValue("key", householdKey)
                .addValue("postcode", postcode).addValue("now", Timestamp.from(clock.instant())));
        return created == 1 ? familyId : byHousehold(householdKey).orElseThrow();
    }

    /** Moves everything of {@code merged} to {@code survivor}; the merged id stays, pointing at the survivor. */
    public void merge(UUID merged, UUID survivor) {
        MapSqlParameterSource ids = new MapSqlParameterSource().addValue("merged", merged).addValue("survivor", survivor);
        jdbc.update("update family_members set family_id = :survivor where family_id = :merged", ids);
        jdbc.update("update family_flags set family_id = :survivor where family_id = :merged", ids);
        jdbc.update("update consent_records set family_id = :survivor where family_id = :merged", ids);
        // A reviewer's split stays in force for whatever the merged family becomes part of.
        jdbc.update("update family_separations set family_id = :survivor where family_id = :merged", ids);
        jdbc.update("update family_separations set other_family_id = :survivor where other_family_id = :merged", ids);
        // The survivor's alert is brought up to date by the alert stage; the merged family's is closed.
        jdbc.update("update alerts set status = 'closed' where family_id = :merged and status = 'open'", ids);
        jdbc.update("""
                update families set merged_into = :survivor,
                       postcode = coalesce((select postcode from families where family_id = :survivor), postcode)
                 where family_id = :merged
                """, ids);
        jdbc.update("""
                update families set household_key = coalesce(household_key,
                       (select household_key from families where family_id = :merged))
                 where family_id = :survivor
                """, ids);
    }

    /**
     * A new family for members split off another: it takes the household key if no live family holds it
     * (a moved household is found again by its address), else none.
     */
    public UUID createSplitOff(String householdKey, String postcode) {
        UUID familyId = UUID.randomUUID();
        MapSqlParameterSource values = new MapSqlParameterSource().addValue("id", familyId)
                .addValue("key", householdKey).addValue("postcode", postcode)
                .addValue("now", Timestamp.from(clock.instant()));
        String insert = """
                insert into families (family_id, household_key, postcode, created_at)
                values (:id, :key, :postcode, :now)
                on conflict do nothing
                """;
        if (householdKey == null || jdbc.update(insert, values) == 0) {
            jdbc.update(insert, values.addValue("key", null));
        }
        return familyId;
    }

    /** @return how many of the persons moved (only members of {@code from} do) */
    public int moveMembers(UUID from, UUID to, Collection<UUID> personIds) {
        return jdbc.update("update family_members set family_id = :to where family_id = :from and person_id in (:persons)",
                new MapSqlParameterSource().addValue("from", from).addValue("to", to).addValue("persons", personIds));
    }

    /** Moves the history entries about no one but these persons; an entry naming anyone else stays. */
    public int moveFlagsOnlyAbout(UUID from, UUID to, Collection<UUID> personIds) {
        return jdbc.update("""
                update family_flags set family_id = :to
                 where family_id = :from and cardinality(person_ids) > 0 and person_ids <@ :persons
                """, new MapSqlParameterSource().addValue("from", from).addValue("to", to)
                .addValue("persons", personIds.toArray(UUID[]::new)));
    }

    /** How many of the family's history entries name any of these persons. */
    public int flagsNamingAny(UUID familyId, Collection<UUID> personIds) {
        return jdbc.queryForObject("""
                select count(*) from family_flags where family_id = :family and person_ids && :persons
                """, new MapSqlParameterSource().addValue("family", familyId)
                .addValue("persons", personIds.toArray(UUID[]::new)), Integer.class);
    }

    public void addMember(UUID familyId, UUID personId, String role, String relationship) {
        jdbc.update("""
                insert into family_members (person_id, family_id, role, relationship, joined_at)
                values (:person, :family, :role, :relationship, :now)
                on conflict (person_id) do update set family_id = excluded.family_id,
                       relationship = coalesce(excluded.relationship, family_members.relationship)
                """, new MapSqlParameterSource().addValue("person", personId).addValue("family", familyId)
                .addValue("role", role).addValue("relationship", relationship)
                .addValue("now", Timestamp.from(clock.instant())));
    }

    /** @param retainUntil the last day the agreement lets the gateway keep this flag */
    public void recordFlag(UUID familyId, ReceivedFlag flag, Need need, List<UUID> personIds, LocalDate retainUntil) {
        jdbc.update("""
                insert into family_flags (receipt_id, family_id, agency_id, agency_kind, flag_type, occurred_on,
                                          need_category, severity, details, person_ids, recorded_at, retain_until)
                values (:receipt, :family, :agency, :kind, :type, :occurred, :need, :severity, cast(:details as jsonb),
                        :persons, :now, :retain)
                """, new MapSqlParameterSource()
                .addValue("retain", Date.valueOf(retainUntil))
                .addValue("receipt", UUID.fromString(flag.receiptId())).addValue("family", familyId)
                .addValue("agency", flag.agency().id()).addValue("kind", flag.agency().kind().id())
                .addValue("type", flag.flagType()).addValue("occurred", Date.valueOf(flag.occurredOn()))
                .addValue("need", need.category()).addValue("severity", need.severity())
                .addValue("details", json(flag.details()))
                .addValue("persons", personIds.toArray(UUID[]::new))
                .addValue("now", Timestamp.from(clock.instant())));
    }

    public List<HistoryEntry> historySince(UUID familyId, LocalDate since) {
        return jdbc.query("""
                select flag_type, occurred_on, agency_kind, need_category, severity from family_flags
                 where family_id = :family and occurred_on >= :since
                 order by occurred_on, recorded_at
                """, new MapSqlParameterSource().addValue("family", familyId).addValue("since", Date.valueOf(since)),
                (row, n) -> new HistoryEntry(row.getString(1), row.getDate(2).toLocalDate(), row.getString(3),
                        row.getString(4), row.getString(5)));
    }

    public List<Member> members(UUID familyId) {
        return jdbc.query("""
                select m.role, p.given_name, p.family_name, p.date_of_birth
                  from family_members m join persons p on p.person_id = m.person_id
                 where m.family_id = :family
                 order by p.date_of_birth nulls last, p.family_name, p.given_name
                """, new MapSqlParameterSource("family", familyId),
                (row, n) -> new Member(row.getString(1), row.getString(2), row.getString(3),
                        row.getDate(4) == null ? null : row.getDate(4).toLocalDate()));
    }

    public List<UUID> memberIds(UUID familyId) {
        return jdbc.query("select person_id from family_members where family_id = :family",
                new MapSqlParameterSource("family", familyId), (row, n) -> row.getObject(1, UUID.class));
    }

    public Optional<String> postcode(UUID familyId) {
        return jdbc.query("select postcode from families where family_id = :family",
                new MapSqlParameterSource("family", familyId), (row, n) -> row.getString(1))
                .stream().filter(postcode -> postcode != null).findFirst();
    }

    /** Deletes history entries past their retention; returns their receipts. */
    public List<UUID> deletePastRetention(LocalDate today) {
        return jdbc.query("delete from family_flags where retain_until < :today returning receipt_id",
                new MapSqlParameterSource("today", Date.valueOf(today)), (row, n) -> row.getObject(1, UUID.class));
    }

    private static String json(Map<String, Object> details) {
        try {
            return FlagCodec.mapper().writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flag details could not be written as JSON", e);
        }
    }
}
