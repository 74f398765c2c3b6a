package uk.org.earlyhelp.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestState;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

/**
 * Not a test: a benchmark of a school's attendance batch end to end, from the HTTPS upload to every
 * flag in a family's history. Skipped unless {@code -Dbench=true}; run it with
 *
 * <pre>./mvnw -B -pl gateway -am test -Dtest=SchoolBatchBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * ({@code -Dbench.rows=20000} for a shorter run). It prints rows/s for the upload and flags/s for intake
 * and for the pipeline. Each flag's intake is a database transaction holding the audit chain-head lock
 * across a durable broker send, so intake is bounded by that, not by reading the file.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SchoolBatchBench extends GatewayIntegrationTest {

    private static final String[] GIVEN = {"Amelia", "Olivia", "Isla", "Ava", "Mia", "Noah", "Oliver", "George",
        "Leo", "Harry", "Freya", "Lily", "Jack", "Arthur", "Muhammad", "Grace", "Theo", "Sophia", "Alfie", "Evie"};
    private static final String[] FAMILY = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
        "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall"};
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    @Test
    void attendanceBatchEndToEnd() throws Exception {
        int rows = Integer.getInteger("bench.rows", 200_000);
        Path file = TestState.directory().resolve("bench-attendance.csv");
        int expectedFlags = generate(file, rows);
        long bytes = Files.size(file);
        int pipelineBefore = count("select count(*) from family_flags");

        long start = System.nanoTime();
        HttpResponse<String> response = upload(file);
        double uploadSeconds = (System.nanoTime() - start) / 1e9;

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode counts = JSON.readTree(response.body()).get("counts");
        int accepted = counts.get("flagsAccepted").asInt();
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> count("select count(*) from family_flags") - pipelineBefore >= accepted);
        double endToEndSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, """
                ==== school batch benchmark ====
                file              %,d rows, %,d bytes (%d flags expected by the generator)
                counts            %s
                upload (HTTPS)    %.1f s: %,.0f rows/s, %,.0f flags/s accepted at intake
                end to end        %.1f s: %,.0f rows/s, %,.0f flags/s into family histories
                machine           %d cores, %s %s, Java %s
                """, rows, bytes, expectedFlags, counts, uploadSeconds, rows / uploadSeconds, accepted / uploadSeconds,
                endToEndSeconds, rows / endToEndSeconds, accepted / endToEndSeconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"));
        assertThat(accepted).isEqualTo(expectedFlags);
    }

    private HttpResponse<String> upload(Path file) throws Exception {
        return agency("greenfield-primary").postFile("/api/v1/batches", "text/csv", file, Duration.ofHours(2));
    }

    /**
     * A county's autumn half term: distinct valid UPNs, 74 possible sessions, and absence spread so
     * that about one pupil in five is persistently absent and one in fifty severely, as nationally.
     *
     * @return how many rows are flags (at or above 10% missed)
     */
    private static int generate(Path file, int rows) throws Exception {
        SplittableRandom random = new SplittableRandom(4);
        int flags = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("upn,given_name,family_name,date_of_birth,sex,postcode,period_start,period_end,"
                    + "sessions_possible,sessions_missed,unauthorised_sessions_missed\n");
            for (int i = 0; i < rows; i++) {
                int possible = 74;
                double draw = random.nextDouble();
                int missed = draw < 0.02 ? 37 + random.nextInt(38)          // severe: 50% or more
                        : draw < 0.20 ? 8 + random.nextInt(29)              // persistent: 10.8% to 48.6%
                        : random.nextInt(8);                                // below 10%
                if (missed * 10 >= possible) {
                    flags++;
                }
                String sex = random.nextBoolean() ? "female" : "male";
                LocalDate born = LocalDate.of(2010, 9, 1).plusDays(random.nextInt(365 * 10));
                String postcode = "WA" + (7 + random.nextInt(2)) + " " + (1 + random.nextInt(9))
                        + INWARD_LETTERS.charAt(random.nextInt(20)) + INWARD_LETTERS.charAt(random.nextInt(20));
                out.write(String.join(",", upn(i), GIVEN[random.nextInt(GIVEN.length)],
                        FAMILY[random.nextInt(FAMILY.length)], born.toString(), sex, postcode, "2026-09-02",
                        "2026-10-23", Integer.toString(possible), Integer.toString(missed),
                        Integer.toString(missed == 0 ? 0 : random.nextInt(missed + 1))));
                out.write('\n');
            }
        }
        return flags;
    }

    /** Distinct permanent UPNs in local authority 877: establishment and serial from the row number. */
    static String upn(int i) {
        String body = String.format(Locale.ROOT, "877%04d%02d%03d", 2000 + i / 1000 % 8000, 24, i % 1000);
        for (char letter : CHECK_LETTERS.toCharArray()) {
            if (UniquePupilNumber.isValid(letter + body)) {
                return letter + body;
            }
        }
        throw new IllegalStateException("no check letter validates " + body);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
