package uk.org.earlyhelp.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import uk.org.earlyhelp.gateway.matching.scoring.MatchWeights;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * The jar's {@code --estimate-match-weights} mode against the running gateway's database: EM over the
 * pairs of persons sharing a blocking key writes a weights file, which {@code gateway.matching.weights}
 * then loads as the matcher's scorer.
 */
class WeightEstimationCommandIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PersonScorer scorerInForce;

    @Test
    void estimatesWeightsFromThePersonsAndTheFileLoadsAsTheScorer() throws Exception {
        // Two pupils of different families born the same day: at least one pair shares a blocking key.
        TestFamily first = new TestFamily();
        TestFamily second = new TestFamily();
        awaitDecision(submit("greenfield-primary", TestFlags.schoolSuspension(first)), "family-linked");
        ObjectNode sameBirthday = TestFlags.schoolSuspension(second);
        ((ObjectNode) sameBirthday.get("subjects").get(0)).put("dateOfBirth", first.pupil.dateOfBirth().toString());
        awaitDecision(submit("greenfield-primary", sameBirthday), "family-linked");
        Path weightsFile = Files.createTempDirectory("weights").resolve("estimated-weights.yaml");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = WeightEstimationCommand.run(new PrintStream(printed, true, StandardCharsets.UTF_8),
                WeightEstimationCommand.ARGUMENT + weightsFile,
                "--spring.datasource.url=" + dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                "--spring.datasource.username=postgres", "--spring.main.banner-mode=off");

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("match weights estimated", weightsFile.toString());
        assertThat(status).isZero();
        MatchWeights estimated = MatchWeights.read(Files.newInputStream(weightsFile));
        assertThat(estimated.source()).startsWith("EM on ").contains("candidate pairs");
        assertThat(estimated.thresholds()).as("the thresholds in force are kept").isEqualTo(scorerInForce.weights().thresholds());
        assertThat(estimated.fields()).as("every field the weights in force have").containsOnlyKeys(
                scorerInForce.weights().fields().keySet());

        PersonScorer loaded = new MatchingConfiguration().personScorer(new FileSystemResource(weightsFile));
        assertThat(loaded.weights().source()).isEqualTo(estimated.source());
        assertThat(scorerInForce.weights().source()).as("the gateway's own scorer is the shipped one")
                .doesNotStartWith("EM on ");
    }
}
