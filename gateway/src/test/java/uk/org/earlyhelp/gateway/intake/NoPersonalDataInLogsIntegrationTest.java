package uk.org.earlyhelp.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/** Names, identifiers and dates of birth never reach the application log, whether a flag succeeds or fails. */
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
}
