package uk.org.earlyhelp.gateway.matching.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.org.earlyhelp.gateway.matching.PersonIndex;
import uk.org.earlyhelp.gateway.matching.bench.AgencyRecords.SubjectRecord;
import uk.org.earlyhelp.gateway.matching.scoring.BlockingKeys;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;
import uk.org.earlyhelp.routes.model.Address;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * Not a test: how long the pipeline's matcher takes per record against a large person index in PostgreSQL.
 * Loads a synthetic population (every person at home, as the index would hold them) into an embedded
 * PostgreSQL migrated by Flyway, with COPY, then for a sample of corrupted agency records times what
 * {@code ProbabilisticPersonMatcher} does per subject: the identifier lookup, the blocking-key candidate
 * query ({@link PersonIndex#candidates}) and the scoring of every candidate. Skipped unless
 * {@code -Dbench=true}:
 *
 * <pre>./mvnw -B -pl gateway -am test -Dtest=SqlBlockingBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Options: {@code -Dbench.sizes=100000,1000000}, {@code -Dbench.sample=20000}, {@code -Dbench.seed=6}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SqlBlockingBench {

    @Test
    void candidateLookupAndScoringPerRecord() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "100000,1000000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        int sample = Integer.getInteger("bench.sample", 20_000);
        long seed = Long.getLong("bench.seed", 6);
        StringBuilder out = new StringBuilder("==== SQL blocking + Fellegi-Sunter scoring per subject ====\n");
        for (int size : sizes) {
            out.append(run(size, sample, seed)).append('\n');
            System.out.println(out);
            // Also to a file: a long run's console output is easily lost.
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "sql-blocking-bench.txt"), out);
        }
    }

    private static String run(int size, int sample, long seed) throws Exception {
        SyntheticPopulation population = SyntheticPopulation.generate(seed, size);
        List<SubjectRecord> probes = AgencyRecords.generate(population, 1.5, Corruption.Level.MODERATE, seed + 1)
                .stream().flatMap(r -> r.subjects().stream()).limit(sample).toList();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Connection connection = postgres.getPostgresDatabase().getConnection()) {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long t0 = System.nanoTime();
            load(connection, population);
            jdbc.execute("analyze");
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            long keys = jdbc.queryForObject("select count(*) from person_blocking_keys", Long.class);

            PersonIndex index = new PersonIndex(jdbc, Clock.systemUTC());
            PersonScorer scorer = PersonScorer.standard();
            long[] lookup = new long[probes.size()];
            long[] total = new long[probes.size()];
            long candidates = 0;
            int byIdentifier = 0;
            for (int i = 0; i < probes.size(); i++) {
                Subject subject = probes.get(i).subject();
                long start = System.nanoTime();
                if (index.byValidIdentifier(subject).isPresent()) {
                    byIdentifier++;
                }
                // Timed as if every subject went on to scoring: the worst case, a subject no identifier finds.
                List<PersonIndex.Indexed> found = index.candidates(BlockingKeys.of(subject));
                long looked = System.nanoTime();
                double best = Double.NEGATIVE_INFINITY;
                for (PersonIndex.Indexed candidate : found) {
                    best = Math.max(best, scorer.score(subject, candidate.person()).total());
                }
                long end = System.nanoTime();
                lookup[i] = looked - start;
                total[i] = end - start;
                candidates += found.size();
            }
            return String.format(Locale.ROOT, """
                    %,d persons (%,d blocking keys) loaded by COPY in %.1f s; %,d probe subjects (moderate corruption), \
                    %,d found by a valid identifier, %.1f candidates each
                      identifier + candidate SQL   median %.3f ms  p99 %.3f ms
                      ... + scoring (lookup+score) median %.3f ms  p99 %.3f ms""",
                    population.persons().size(), keys, loadSeconds, probes.size(), byIdentifier,
                    candidates / (double) probes.size(), percentile(lookup, 0.5), percentile(lookup, 0.99),
                    percentile(total, 0.5), percentile(total, 0.99));
        }
    }

    /** Persons, their identifiers and blocking keys, by COPY in chunks of about 50,000 persons. */
    private static void load(Connection connection, SyntheticPopulation population) throws Exception {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder persons = new StringBuilder();
        StringBuilder identifiers = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        int inChunk = 0;
        for (SyntheticPopulation.Family family : population.families()) {
            SyntheticPopulation.Household home = family.home();
            for (SyntheticPopulation.Person p : family.members()) {
                UUID id = new UUID(0, p.id());
                Subject subject = new Subject(null, null, p.nhsNumber(), p.upn(), p.givenName(), p.familyName(),
                        p.dateOfBirth(), p.sex(), new Address(home.line1(), null, home.town(), home.postcode(), home.uprn()));
                persons.append(String.join("\t", id.toString(), p.givenName(), norm(p.givenName()), p.familyName(),
                        norm(p.familyName()), p.dateOfBirth().toString(), p.sex(), home.line1(), home.postcode(),
                        home.postcode().replace(" ", "").toUpperCase(Locale.ROOT), home.uprn(),
                        "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z")).append('\n');
                identifiers.append("nhs-number\t").append(p.nhsNumber()).append('\t').append(id).append('\n');
                if (p.upn() != null) {
                    identifiers.append("upn\t").append(p.upn()).append('\t').append(id).append('\n');
                }
                for (String key : BlockingKeys.of(subject)) {
                    keys.append(key).append('\t').append(id).append('\n');
                }
                inChunk++;
            }
            if (inChunk >= 50_000) {
                copy(copy, persons, identifiers, keys);
                inChunk = 0;
            }
        }
        copy(copy, persons, identifiers, keys);
    }

    private static void copy(CopyManager copy, StringBuilder persons, StringBuilder identifiers, StringBuilder keys)
            throws Exception {
        copy.copyIn("copy persons (person_id, given_name, given_name_key, family_name, family_name_key, date_of_birth, "
                + "sex, address_line1, postcode, postcode_key, uprn, created_at, updated_at) from stdin",
                new StringReader(persons.toString()));
        copy.copyIn("copy person_identifiers (identifier_type, identifier_value, person_id) from stdin",
                new StringReader(identifiers.toString()));
        copy.copyIn("copy person_blocking_keys (blocking_key, person_id) from stdin", new StringReader(keys.toString()));
        persons.setLength(0);
        identifiers.setLength(0);
        keys.setLength(0);
    }

    private static String norm(String name) {
        return uk.org.earlyhelp.gateway.matching.Normalise.name(name);
    }

    private static double percentile(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
