package uk.org.earlyhelp.gateway.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.gateway.matching.scoring.BlockingKeys;
import uk.org.earlyhelp.routes.model.Address;
import uk.org.earlyhelp.routes.model.Subject;
import uk.org.earlyhelp.schemas.NhsNumber;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

/**
 * The person tables: lookups by identifier, by demographics and by blocking key, creation, and filling in
 * what was missing. Every write keeps the person's blocking keys ({@code person_blocking_keys}) up to date.
 */
@Component
public class PersonIndex {

    public static final String NHS_NUMBER = "nhs-number";
    public static final String UPN = "upn";
    public static final String NAME_DOB_POSTCODE = "name-dob-postcode";

    /** A person found, and by which evidence. */
    public record Found(UUID personId, String method) {
    }

    /** A person in the index, as a subject the scorer can compare (role and relationship unknown). */
    public record Indexed(UUID personId, Subject person) {
    }

    /** Most persons a single blocking key brings back; a bigger block is cut to its latest members. */
    static final int BLOCK_LIMIT = 200;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PersonIndex(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Deterministic: a valid identifier first (never an invalid one), then one exact demographic match. */
    public Optional<Found> find(Subject subject) {
        if (subject.nhsNumber() != null && NhsNumber.isValid(subject.nhsNumber())) {
            Optional<UUID> byNhs = byIdentifier(NHS_NUMBER, subject.nhsNumber());
            if (byNhs.isPresent()) {
                return byNhs.map(id -> new Found(id, NHS_NUMBER));
            }
        }
        if (subject.upn() != null && UniquePupilNumber.isValid(subject.upn())) {
            Optional<UUID> byUpn = byIdentifier(UPN, subject.upn().toUpperCase());
            if (byUpn.isPresent()) {
                return byUpn.map(id -> new Found(id, UPN));
            }
        }
        if (subject.familyName() == null || subject.givenName() == null || subject.dateOfBirth() == null
                || subject.postcode() == null) {
            return Optional.empty();
        }
        List<UUID> byDemographics = jdbc.query("""
                select person_id from persons
                 where family_name_key = ? and date_of_birth = ? and postcode_key = ? and given_name_key = ?
                 limit 2
                """, (row, n) -> row.getObject(1, UUID.class), Normalise.name(subject.familyName()),
                subject.dateOfBirth(), Normalise.postcode(subject.postcode()), Normalise.name(subject.givenName()));
        // The given name is compared too, or twins would be one person. Two people alike on everything
        // are not told apart here: better a new record than a wrong link.
        return byDemographics.size() == 1
                ? Optional.of(new Found(byDemographics.get(0), NAME_DOB_POSTCODE))
                : Optional.empty();
    }

    public UUID create(Subject subject) {
        UUID personId = UUID.randomUUID();
        Instant now = clock.instant();
        Address address = subject.address();
        jdbc.update("""
                insert into persons (person_id, given_name, given_name_key, family_name, family_name_key,
                                     date_of_birth, sex, address_line1, postcode, postcode_key, uprn,
                                     created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, personId, subject.givenName(), Normalise.name(subject.givenName()), subject.familyName(),
                Normalise.name(subject.familyName()),
                subject.dateOfBirth(), subject.sex(), address == null ? null : address.line1(),
                subject.postcode(), Normalise.postcode(subject.postcode()), address == null ? null : address.uprn(),
                Timestamp.from(now), Timestamp.from(now));
        addIdentifiers(personId, subject);
        addBlockingKeys(personId, BlockingKeys.of(subject));
        return personId;
    }

    /** Adds what the index did not know yet; never overwrites what another agency told it. */
    public void enrich(UUID personId, Subject subject) {
        Address address = subject.address();
        jdbc.update("""
                update persons set
                    given_name = coalesce(given_name, ?),
                    given_name_key = coalesce(given_name_key, ?),
                    date_of_birth = coalesce(date_of_birth, ?),
                    sex = coalesce(sex, ?),
                    address_line1 = coalesce(address_line1, ?),
                    postcode = coalesce(postcode, ?),
                    postcode_key = coalesce(postcode_key, ?),
                    uprn = coalesce(uprn, ?),
                    updated_at = ?
                 where person_id = ?
                """, subject.givenName(), Normalise.name(subject.givenName()), subject.dateOfBirth(), subject.sex(),
                address == null ? null : address.line1(), subject.postcode(), Normalise.postcode(subject.postcode()),
                address == null ? null : address.uprn(), Timestamp.from(clock.instant()), personId);
        addIdentifiers(personId, subject);
        // Keys of what the person now holds, and of the subject as sent: either may be how the next
        // record about them is spelt. Old keys stay, so the person is still found under them.
        addBlockingKeys(personId, BlockingKeys.of(subject));
        person(personId).ifPresent(indexed -> addBlockingKeys(personId, BlockingKeys.of(indexed.person())));
    }

    /** The deterministic step alone: a person holding one of the subject's valid identifiers. */
    public Optional<Found> byValidIdentifier(Subject subject) {
        if (subject.nhsNumber() != null && NhsNumber.isValid(subject.nhsNumber())) {
            Optional<UUID> byNhs = byIdentifier(NHS_NUMBER, subject.nhsNumber());
            if (byNhs.isPresent()) {
                return byNhs.map(id -> new Found(id, NHS_NUMBER));
            }
        }
        if (subject.upn() != null && UniquePupilNumber.isValid(subject.upn().toUpperCase(Locale.ROOT))) {
            return byIdentifier(UPN, subject.upn().toUpperCase(Locale.ROOT)).map(id -> new Found(id, UPN));
        }
        return Optional.empty();
    }

    /**
     * The persons sharing at least one blocking key with the subject: the only ones worth scoring. One
     * indexed lookup per key, each block capped at {@link #BLOCK_LIMIT}.
     */
    public List<Indexed> candidates(List<String> blockingKeys) {
        if (blockingKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT_PERSON + """
                 where p.person_id in (
                       select b.person_id from unnest(?::text[]) as k(blocking_key)
                       cross join lateral (select person_id from person_blocking_keys b
                                            where b.blocking_key = k.blocking_key limit ?) b)
                """, (row, n) -> indexed(row), blockingKeys.toArray(String[]::new), BLOCK_LIMIT);
    }

    /** One person with their identifiers, for scoring or for a reviewer's side-by-side view. */
    public Optional<Indexed> person(UUID personId) {
        return jdbc.query(SELECT_PERSON + " where p.person_id = ?", (row, n) -> indexed(row), personId)
                .stream().findFirst();
    }

    private static final String SELECT_PERSON = """
            select p.person_id, p.given_name, p.family_name, p.date_of_birth, p.sex, p.address_line1, p.postcode,
                   p.uprn,
                   (select min(i.identifier_value) from person_identifiers i
                     where i.person_id = p.person_id and i.identifier_type = 'nhs-number') as nhs_number,
                   (select min(i.identifier_value) from person_identifiers i
                     where i.person_id = p.person_id and i.identifier_type = 'upn') as upn
              from persons p
            """;

    private static Indexed indexed(java.sql.ResultSet row) throws java.sql.SQLException {
        java.sql.Date dob = row.getDate("date_of_birth");
        String line1 = row.getString("address_line1");
        String postcode = row.getString("postcode");
        String uprn = row.getString("uprn");
        Address address = line1 == null && postcode == null && uprn == null ? null
                : new Address(line1, null, null, postcode, uprn);
        return new Indexed(row.getObject("person_id", UUID.class), new Subject(null, null, row.getString("nhs_number"),
                row.getString("upn"), row.getString("given_name"), row.getString("family_name"),
                dob == null ? null : dob.toLocalDate(), row.getString("sex"), address));
    }

    /** Records the keys a person can be found under (already present ones are kept). */
    public void addBlockingKeys(UUID personId, List<String> keys) {
        for (String key : keys) {
            jdbc.update("insert into person_blocking_keys (blocking_key, person_id) values (?, ?) on conflict do nothing",
                    key, personId);
        }
    }

    private void addIdentifiers(UUID personId, Subject subject) {
        if (subject.nhsNumber() != null && NhsNumber.isValid(subject.nhsNumber())) {
            addIdentifier(personId, NHS_NUMBER, subject.nhsNumber());
        }
        if (subject.upn() != null && UniquePupilNumber.isValid(subject.upn())) {
            addIdentifier(personId, UPN, subject.upn().toUpperCase());
        }
    }

    private void addIdentifier(UUID personId, String type, String value) {
        // An identifier already held by another person stays with that person: a conflict is for the
        // probabilistic matcher's review queue, not to be settled silently here.
        jdbc.update("""
                insert into person_identifiers (identifier_type, identifier_value, person_id) values (?, ?, ?)
                on conflict do nothing
                """, type, value, personId);
    }

    /** A person by a valid identifier of the given type ({@link #NHS_NUMBER} or {@link #UPN}). */
    public Optional<UUID> byIdentifier(String type, String value) {
        return jdbc.query("select person_id from person_identifiers where identifier_type = ? and identifier_value = ?",
                (row, n) -> row.getObject(1, UUID.class), type, value).stream().findFirst();
    }
}
