package uk.org.earlyhelp.gateway.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.model.Address;
import uk.org.earlyhelp.routes.model.Subject;
import uk.org.earlyhelp.schemas.NhsNumber;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

/** The person tables: lookups by identifier and by demographics, creation, and filling in what was missing. */
@Component
public class PersonIndex {

    public static final String NHS_NUMBER = "nhs-number";
    public static final String UPN = "upn";
    public static final String NAME_DOB_POSTCODE = "name-dob-postcode";

    /** A person found, and by which evidence. */
    public record Found(UUID personId, String method) {
    }

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
