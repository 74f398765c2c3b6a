package uk.org.earlyhelp.gateway.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.TestHl7;
import uk.org.earlyhelp.routes.intake.Hl7Flag;
import uk.org.earlyhelp.routes.intake.IntakeReceipt;
import uk.org.earlyhelp.routes.intake.SchemaViolation;
import uk.org.earlyhelp.schemas.FieldError;

/** Acknowledgements as HAPI builds them, and flag fields traced back to HL7 locations. */
class HapiAcknowledgementsTest {

    private final HapiAcknowledgements acknowledgements = new HapiAcknowledgements();

    @Test
    void aFlagFieldIsAnsweredAtTheLongestRecordedPrefix() {
        Map<String, String> locations = Map.of("", "MSH", "/subjects/1", "NK1^1", "/subjects/1/address", "NK1^1^4");

        assertThat(HapiAcknowledgements.locationOf("/subjects/1/address/postcode", locations)).isEqualTo("NK1^1^4");
        assertThat(HapiAcknowledgements.locationOf("/subjects/1/upn", locations)).isEqualTo("NK1^1");
        assertThat(HapiAcknowledgements.locationOf("/subjects/10/sex", locations)).isEqualTo("MSH");
    }

    @Test
    void anAcceptanceEchoesTheControlIdAndQuotesTheReceipt() {
        String message = TestHl7.example("oru-r01-v25-domestic-abuse-disclosure.hl7");

        String ack = acknowledgements.accepted(message, new IntakeReceipt("0b8f7a52-1111-4c2e-9a51-3c7d2f9e0001", false));

        assertThat(ack).contains("MSA|AA|hv-oru-20261103-0002|receipt 0b8f7a52-1111-4c2e-9a51-3c7d2f9e0001");
        assertThat(ack.split("\r")[0]).contains("|ACK^R01^ACK|").endsWith("|2.5");
    }

    @Test
    void schemaErrorsBecomeOneErrSegmentEachAtTheirHl7Location() {
        String message = TestHl7.example("oru-r01-v25-domestic-abuse-disclosure.hl7");
        Hl7Flag mapped = new Hl7Flag(null, "ORU^R01", Map.of("/subjects/0/nhsNumber", "PID^1^3",
                "/details/severity", "OBX^2^5"));
        SchemaViolation violation = new SchemaViolation(List.of(
                new FieldError("/subjects/0/nhsNumber", "NHS number check digit does not match"),
                new FieldError("/details/severity", "is not one of low, medium, high")));

        String ack = acknowledgements.refused(message, new RuntimeException(violation), mapped);

        assertThat(ack).contains("MSA|AE|hv-oru-20261103-0002");
        assertThat(ack.split("\r")).filteredOn(segment -> segment.startsWith("ERR|"))
                .extracting(segment -> segment.split("\\|", -1)[2]).containsExactly("PID^1^3", "OBX^2^5");
    }
}
