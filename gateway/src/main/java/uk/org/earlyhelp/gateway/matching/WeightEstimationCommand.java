package uk.org.earlyhelp.gateway.matching;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.org.earlyhelp.gateway.embedded.EmbeddedDatabaseConfiguration;
import uk.org.earlyhelp.gateway.embedded.EmbeddedDatabaseSettings;
import uk.org.earlyhelp.gateway.matching.scoring.EmWeightEstimation;
import uk.org.earlyhelp.gateway.matching.scoring.Field;
import uk.org.earlyhelp.gateway.matching.scoring.Level;
import uk.org.earlyhelp.gateway.matching.scoring.MatchWeights;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;

/**
 * {@code java -jar gateway.jar --estimate-match-weights=<file>}: estimates the matcher's m and u from the
 * council's own persons by EM (no truth needed) and writes them as a weights file. It takes the pairs of
 * persons that share a blocking key (the pairs the matcher scores), compares each with the weights in
 * force ({@code gateway.matching.weights}), and keeps those thresholds. Nothing is changed: an IG lead
 * and a data analyst review the file, then point {@code gateway.matching.weights} at it. Only the
 * database is opened (the embedded one unless {@code spring.datasource.url} is set). Exit 0 when written,
 * 2 when there was nothing to estimate from or the database could not be read.
 */
public final class WeightEstimationCommand {

    public static final String ARGUMENT = "--estimate-match-weights=";
    /** Enough pairs for stable estimates; more only costs time. */
    static final int MAX_PAIRS = 200_000;
    static final int ROUNDS = 30;

    private WeightEstimationCommand() {
    }

    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith(ARGUMENT));
    }

    public static int run(PrintStream out, String... args) {
        Path target = Path.of(Arrays.stream(args).filter(arg -> arg.startsWith(ARGUMENT)).findFirst().orElseThrow()
                .substring(ARGUMENT.length()));
        String[] springArgs = Arrays.stream(args).filter(arg -> !arg.startsWith(ARGUMENT)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Estimation.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(springArgs)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            PersonScorer scorer = context.getBean(PersonScorer.class);
            List<Map<Field, Level>> pairs = candidatePairs(jdbc, new PersonIndex(jdbc, Clock.systemUTC()), scorer);
            if (pairs.isEmpty()) {
                out.println("no candidate pairs: no persons share a blocking key yet, so there is nothing to estimate from");
                return 2;
            }
            MatchWeights estimated = EmWeightEstimation.estimate(pairs, scorer.weights(), ROUNDS);
            Files.writeString(target, EmWeightEstimation.yaml(estimated));
            out.println("match weights estimated (" + estimated.source() + ") and written to " + target
                    + "; review them, then set gateway.matching.weights=file:" + target);
            return 0;
        } catch (DataAccessException e) {
            out.println("match weights could not be estimated: " + e.getMostSpecificCause().getMessage());
            return 2;
        } catch (IOException e) {
            out.println("match weights could not be written to " + target + ": " + e.getMessage());
            return 2;
        }
    }

    /** The levels of each pair of persons sharing a blocking key, at most {@link #MAX_PAIRS}. */
    private static List<Map<Field, Level>> candidatePairs(JdbcTemplate jdbc, PersonIndex index, PersonScorer scorer) {
        Map<UUID, Optional<PersonIndex.Indexed>> persons = new HashMap<>();
        List<Map<Field, Level>> pairs = new ArrayList<>();
        jdbc.query("""
                select distinct a.person_id as first, b.person_id as second
                  from person_blocking_keys a
                  join person_blocking_keys b on b.blocking_key = a.blocking_key and b.person_id > a.person_id
                 limit ?
                """, row -> {
            Optional<PersonIndex.Indexed> first = persons.computeIfAbsent(row.getObject("first", UUID.class), index::person);
            Optional<PersonIndex.Indexed> second = persons.computeIfAbsent(row.getObject("second", UUID.class),
                    index::person);
            if (first.isPresent() && second.isPresent()) {
                pairs.add(scorer.levels(first.get().person(), second.get().person()));
            }
        }, MAX_PAIRS);
        return pairs;
    }

    /** Only the database and the scorer (no stereotype: component scanning must not find it). */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    @Import({EmbeddedDatabaseConfiguration.class, MatchingConfiguration.class})
    @EnableConfigurationProperties(EmbeddedDatabaseSettings.class)
    static class Estimation {
    }
}
