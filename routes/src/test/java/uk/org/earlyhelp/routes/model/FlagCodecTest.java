package uk.org.earlyhelp.routes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagCodecTest {

    private static ReceivedFlag policeNotification() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incidentType", "domestic-abuse");
        details.put("childrenPresent", true);
        details.put("riskLevel", "medium");
        details.put("incidentDateTime", "2026-10-31T22:40:00Z");
        Subject child = new Subject("child", null, null, "F876200318042", "Amelia", "Hart",
                LocalDate.of(2014, 1, 17), "female",
                new Address("12 Elm Road", null, null, "WA7 1AB", "100010350012"));
        Subject mother = new Subject("parent-carer", "mother", null, null, "Sophie", "Hart",
                LocalDate.of(1995, 6, 11), null, new Address("12 Elm Road", null, null, "WA7 1AB", null));
        return new ReceivedFlag("5f0c1c2e-8d1a-4c2b-9a6e-1f2d3c4b5a69",
                new Agency("county-police", AgencyKind.POLICE), "https",
                Instant.parse("2026-11-01T08:15:30.123456789Z"), "CHS/OE/2026/10/31/0457",
                "police-notification", LocalDate.of(2026, 10, 31), List.of(child, mother), details,
                "isa-police-early-help", 1, List.of("details.location", "details.narrative"));
    }

    @Test
    void aReceivedFlagRoundTripsThroughJsonUnchanged() {
        ReceivedFlag flag = policeNotification();

        ReceivedFlag decoded = FlagCodec.fromJson(FlagCodec.toJson(flag));

        assertThat(decoded).isEqualTo(flag);
    }

    @Test
    void detailsKeepTheirJsonTypesAfterARoundTrip() {
        ReceivedFlag decoded = FlagCodec.fromJson(FlagCodec.toJson(policeNotification()));

        assertThat(decoded.details()).containsEntry("childrenPresent", Boolean.TRUE);
        assertThat(decoded.detail("childrenPresent")).isEqualTo("true");
    }

    @Test
    void datesAreWrittenAsIsoTextNotTimestamps() {
        String json = FlagCodec.toJson(policeNotification());

        assertThat(json)
                .contains("\"occurredOn\":\"2026-10-31\"")
                .contains("\"receivedAt\":\"2026-11-01T08:15:30.123456789Z\"")
                .contains("\"dateOfBirth\":\"2014-01-17\"");
    }

    @Test
    void theAgencyKindIsWrittenAsItsPublishedId() {
        String json = FlagCodec.toJson(policeNotification());

        assertThat(json).contains("\"kind\":\"police\"");
    }

    @Test
    void fieldsMinimisationLeftNullAreNotWritten() {
        String json = FlagCodec.toJson(policeNotification());

        assertThat(json).doesNotContain("nhsNumber").doesNotContain("null");
    }

    @Test
    void unknownPropertiesAreIgnored() {
        String json = """
                {"receiptId":"r-1","agency":{"id":"greenfield-primary","kind":"school"},
                 "flagType":"school-exclusion","occurredOn":"2026-10-20","addedByANewerGateway":{"x":1},
                 "details":{"kind":"suspension"},"agreementVersion":1}
                """;

        ReceivedFlag flag = FlagCodec.fromJson(json);

        assertThat(flag.receiptId()).isEqualTo("r-1");
        assertThat(flag.agency()).isEqualTo(new Agency("greenfield-primary", AgencyKind.SCHOOL));
        assertThat(flag.occurredOn()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(flag.detail("kind")).isEqualTo("suspension");
    }

    @Test
    void brokenJsonIsRefusedWithoutQuotingThePayload() {
        String broken = "{\"subjects\":[{\"givenName\":\"Amelia\",\"familyName\":\"Hart\",";

        assertThatThrownBy(() -> FlagCodec.fromJson(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a received flag")
                .hasMessageNotContaining("Amelia")
                .hasMessageNotContaining("Hart");
    }

    @Test
    void wellFormedJsonOfTheWrongShapeIsRefusedWithoutQuotingThePayload() {
        String wrongShape = "{\"subjects\":\"Amelia Hart, 12 Elm Road, WA7 1AB\"}";

        assertThatThrownBy(() -> FlagCodec.fromJson(wrongShape))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Amelia")
                .hasMessageNotContaining("Elm Road")
                .hasMessageNotContaining("WA7 1AB");
    }

    @Test
    void theRefusalDoesNotCarryTheParserExceptionAsItsCause() {
        String broken = "{\"subjects\":[{\"givenName\":\"Amelia\"";

        assertThatThrownBy(() -> FlagCodec.fromJson(broken)).hasNoCause();
    }
}
