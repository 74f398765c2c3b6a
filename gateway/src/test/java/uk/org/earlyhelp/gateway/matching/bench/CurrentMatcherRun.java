package uk.org.earlyhelp.gateway.matching.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.org.earlyhelp.gateway.family.Families;
import uk.org.earlyhelp.gateway.matching.Normalise;
import uk.org.earlyhelp.gateway.matching.PersonIndex;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.AgencyRecord;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.SubjectRecord;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * The current matcher as the pipeline runs it, without the audit: the real {@link PersonIndex} and
 * {@link Families} SQL against an embedded PostgreSQL migrated by Flyway, fed the records in arrival
 * order. Person steps are those of {@code DeterministicPersonMatcher} (find, else create; enrich on a
 * find), family steps those of {@code HouseholdFamilyHistory} (households and people named together,
 * merging into the oldest).
 */
final class CurrentMatcherRun implements AutoCloseable {

    /** Per subject, in record order: the predicted person and family; and the lookup times. */
    record Result(List<UUID> persons, List<UUID> families, long[] lookupNanosWhileLoading, long[] lookupNanosFullIndex,
            int indexedPersons, double seconds) {
    }

    private final EmbeddedPostgres postgres;
    private final Connection connection;
    private final PersonIndex index;
    private final Families families;
    private final JdbcTemplate jdbc;

    CurrentMatcherRun() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        connection = postgres.getPostgresDatabase().getConnection();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        index = new PersonIndex(jdbc, Clock.systemUTC());
        families = new Families(new NamedParameterJdbcTemplate(dataSource), Clock.systemUTC());
    }

    Result run(List<AgencyRecord> records, int fullIndexSample) {
        long start = System.nanoTime();
        List<UUID> personOfSubject = new ArrayList<>();
        List<long[]> timings = new ArrayList<>();
        long[] loading = new long[records.stream().mapToInt(r -> r.subjects().size()).sum()];
        int s = 0;
        for (AgencyRecord record : records) {
            List<UUID> personIds = new ArrayList<>();
            for (SubjectRecord subjectRecord : record.subjects()) {
                Subject subject = subjectRecord.subject();
                long t0 = System.nanoTime();
                PersonIndex.Found found = index.find(subject).orElse(null);
                loading[s++] = System.nanoTime() - t0;
                UUID personId;
                if (found != null) {
                    personId = found.personId();
                    index.enrich(personId, subject);
                } else {
                    personId = index.create(subject);
                }
                personIds.add(personId);
                personOfSubject.add(personId);
            }
            recordFamily(record, personIds);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<UUID, UUID> familyOfPerson = new HashMap<>();
        jdbc.query("select person_id, family_id from family_members",
                row -> {
                    familyOfPerson.put(row.getObject(1, UUID.class), row.getObject(2, UUID.class));
                });
        List<UUID> familyOfSubject = personOfSubject.stream().map(familyOfPerson::get).toList();
        int indexed = Objects.requireNonNull(jdbc.queryForObject("select count(*) from persons", Integer.class));
        return new Result(personOfSubject, familyOfSubject, loading, timeFullIndex(records, fullIndexSample), indexed,
                seconds);
    }

    /** The same lookups again once every record is in: the time a new record would take at this size. */
    private long[] timeFullIndex(List<AgencyRecord> records, int sample) {
        List<Subject> subjects = records.stream().flatMap(r -> r.subjects().stream()).map(SubjectRecord::subject).toList();
        int n = Math.min(sample, subjects.size());
        long[] nanos = new long[n];
        int step = Math.max(1, subjects.size() / n);
        for (int i = 0; i < n; i++) {
            Subject subject = subjects.get(i * step);
            long t0 = System.nanoTime();
            index.find(subject);
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    /** {@code HouseholdFamilyHistory.record} without the audit and the flag history. */
    private void recordFamily(AgencyRecord record, List<UUID> personIds) {
        List<UUID> distinct = personIds.stream().distinct().toList();
        List<String> households = record.subjects().stream().map(SubjectRecord::subject)
                .map(subject -> subject.address() == null ? null : Normalise.householdKey(
                        subject.address().uprn(), subject.address().postcode(), subject.address().line1()))
                .filter(Objects::nonNull).distinct().toList();
        Set<UUID> related = new LinkedHashSet<>(families.familiesOf(distinct));
        households.forEach(household -> families.byHousehold(household).ifPresent(related::add));
        UUID familyId;
        if (related.isEmpty()) {
            familyId = families.create(households.isEmpty() ? null : households.get(0),
                    record.subjects().get(0).subject().postcode());
        } else {
            familyId = families.oldest(related);
            for (UUID other : related) {
                if (!other.equals(familyId)) {
                    families.merge(other, familyId);
                }
            }
        }
        for (int i = 0; i < personIds.size(); i++) {
            families.addMember(familyId, personIds.get(i), record.subjects().get(i).subject().role(), null);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
        postgres.close();
    }
}
