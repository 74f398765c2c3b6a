package uk.org.earlyhelp.gateway.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.TestHl7;
import uk.org.earlyhelp.routes.intake.Hl7Flag;
import uk.org.earlyhelp.routes.intake.InvalidHl7Message;
import uk.org.earlyhelp.routes.intake.UnsupportedHl7Message;
import uk.org.earlyhelp.routes.model.Agency;
import uk.org.earlyhelp.routes.model.AgencyKind;
import uk.org.earlyhelp.schemas.FlagSchemas;

/** The published example messages read as flags, without the gateway running. */
class HealthVisitingHl7MapperTest {

    private static final Agency HEALTH_VISITING = new Agency("riverside-health-visiting", AgencyKind.HEALTH_VISITING);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HealthVisitingHl7Mapper mapper = new HealthVisitingHl7Mapper();

    @Test
    void aReferralInVersion24BecomesAValidConcernAboutTheChildAndTheMother() throws Exception {
        Hl7Flag mapped = mapper.toFlag(HEALTH_VISITING, TestHl7.example("ref-i12-v24-maternal-mental-health.hl7"));

        JsonNode flag = JSON.readTree(mapped.flag().body());
        assertThat(FlagSchemas.load().validate(flag)).isEmpty();
        assertThat(flag.get("sourceMessageId").asText()).isEqualTo("hv-ref-20261014-0001");
        assertThat(flag.get("occurredOn").asText()).isEqualTo("2026-10-14");
        assertThat(flag.at("/subjects/0").toString()).isEqualTo(JSON.readTree("""
                {"role":"child","nhsNumber":"9990701660","givenName":"Oliver","familyName":"Hart",
                 "dateOfBirth":"2025-07-14","sex":"male",
                 "address":{"line1":"12 Elm Road","town":"Runcorn","postcode":"WA7 1AB"}}""").toString());
        assertThat(flag.at("/subjects/1/relationshipToChild").asText()).isEqualTo("mother");
        assertThat(flag.at("/subjects/1/role").asText()).isEqualTo("parent-carer");
        assertThat(flag.at("/subjects/1/nhsNumber").asText()).isEqualTo("9990452601");
        assertThat(flag.at("/subjects/1/dateOfBirth").asText()).isEqualTo("1995-06-11");
        assertThat(flag.at("/details/concernCategory").asText()).isEqualTo("maternal-mental-health");
        assertThat(flag.at("/details/severity").asText()).isEqualTo("medium");
        assertThat(flag.at("/details/narrative").asText()).startsWith("At the 1-year review");
        assertThat(mapped.flag().channel()).isEqualTo("mllp-hl7v2");
        assertThat(mapped.fieldLocations()).containsEntry("/subjects/0/nhsNumber", "PID^1^3")
                .containsEntry("/details/severity", "OBX^2^5").containsEntry("/occurredOn", "OBX^1^14");
    }

    @Test
    void anObservationResultInVersion25BecomesAValidConcern() throws Exception {
        Hl7Flag mapped = mapper.toFlag(HEALTH_VISITING, TestHl7.example("oru-r01-v25-domestic-abuse-disclosure.hl7"));

        JsonNode flag = JSON.readTree(mapped.flag().body());
        assertThat(FlagSchemas.load().validate(flag)).isEmpty();
        assertThat(flag.at("/details/concernCategory").asText()).isEqualTo("domestic-abuse-disclosure");
        assertThat(flag.at("/details/severity").asText()).isEqualTo("high");
        assertThat(flag.at("/subjects/0/familyName").asText()).isEqualTo("Hart");
        assertThat(flag.at("/subjects/1/relationshipToChild").asText()).isEqualTo("mother");
    }

    @Test
    void aPersonUpdateRaisesNoFlag() {
        Hl7Flag mapped = mapper.toFlag(HEALTH_VISITING, TestHl7.example("adt-a31-v25-update-person.hl7"));

        assertThat(mapped.raisesFlag()).isFalse();
        assertThat(mapped.messageType()).isEqualTo("ADT^A31");
    }

    @Test
    void anAdmissionAndVersion23AreUnsupported() {
        assertThatThrownBy(() -> mapper.toFlag(HEALTH_VISITING, TestHl7.example("unsupported-adt-a01-v25-admission.hl7")))
                .isInstanceOfSatisfying(UnsupportedHl7Message.class,
                        e -> assertThat(e.problem().location()).isEqualTo("MSH^1^9"));
        assertThatThrownBy(() -> mapper.toFlag(HEALTH_VISITING, TestHl7.example("unsupported-ref-i12-v23.hl7")))
                .isInstanceOfSatisfying(UnsupportedHl7Message.class,
                        e -> assertThat(e.problem().location()).isEqualTo("MSH^1^12"));
    }

    @Test
    void aRelationshipOutsideTheProfileIsNamedAtNk1Field3() {
        String message = TestHl7.example("ref-i12-v24-maternal-mental-health.hl7").replace("MTH^Mother", "ZZZ^Unknown");

        assertThatThrownBy(() -> mapper.toFlag(HEALTH_VISITING, message))
                .isInstanceOfSatisfying(InvalidHl7Message.class,
                        e -> assertThat(e.problems()).extracting("location").containsExactly("NK1^1^3"));
    }
}
