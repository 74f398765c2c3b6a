package uk.org.earlyhelp.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * The application log is structured (JSON, Elastic Common Schema) and carries receipt ids as fields; names,
 * identifiers and dates of birth never reach it, whether a flag succeeds or fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void neitherAcceptedNorRejectedFlagsLeavePersonalDataInTheLog(CapturedOutput log) throws Exception {
        TestFamily family = new TestFamily();
        String receipt = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "domestic-abuse-disclosure", "high"));
        awaitDecision(receipt, "alert-raised");
        ObjectNode invalid = TestFlags.schoolSuspension(family);
        ((ObjectNode) invalid.get("subjects").get(0)).put("dateOfBirth", "2015-02-30");
        agency("greenfield-primary").postJson("/api/v1/flags", invalid.toString());
        agency("greenfield-primary").postJson("/api/v1/flags", "{\"not json\": " + family.surname);

        assertThat(log.getAll()).as("the log is captured and carries receipt ids").contains(receipt);
        assertThat(log.getAll()).doesNotContain(family.surname, family.mother.nhsNumber(), family.baby.nhsNumber(),
                family.pupil.upn(), family.postcode, family.line1, family.mother.dateOfBirth().toString(),
                "2015-02-30", TestFlags.NARRATIVE);
    }

    @Test
    void thePipelinesLogLinesAreStructuredAndCarryTheReceiptAsAField(CapturedOutput log) throws Exception {
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(new TestFamily(), false));
        awaitDecision(receipt, "shared");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.getOut().lines().filter(line -> line.startsWith("{")).toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).as("log lines in the Elastic Common Schema").isNotEmpty()
                .allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("message")).isTrue());
        assertThat(lines).as("a pipeline line about the flag, with its receipt, agency and flag type as fields")
                .anySatisfy(line -> {
                    assertThat(line.path("receiptId").asText()).isEqualTo(receipt);
                    assertThat(line.path("agency").asText()).isEqualTo("county-police");
                    assertThat(line.path("flagType").asText()).isEqualTo("police-notification");
                });
    }
}
