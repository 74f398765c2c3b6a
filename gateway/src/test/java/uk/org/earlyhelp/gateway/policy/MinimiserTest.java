package uk.org.earlyhelp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.policy.Minimiser.Minimised;

class MinimiserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String POLICE_NOTIFICATION = """
            {
              "sourceMessageId": "CHS/OE/2026/10/31/0457",
              "flagType": "police-notification",
              "occurredOn": "2026-10-31",
              "subjects": [
                {
                  "role": "child",
                  "upn": "F876200318042",
                  "givenName": "Amelia",
                  "familyName": "Hart",
                  "address": {"line1": "12 Elm Road", "town": "Runcorn", "postcode": "WA7 1AB", "uprn": "100010350012"}
                },
                {
                  "role": "parent-carer",
                  "relationshipToChild": "mother",
                  "givenName": "Sophie",
                  "familyName": "Hart",
                  "address": {"line1": "12 Elm Road", "town": "Runcorn", "postcode": "WA7 1AB"}
                }
              ],
              "details": {
                "incidentType": "domestic-abuse",
                "childrenPresent": true,
                "location": "Home address",
                "narrative": "Verbal argument between parents reported by a neighbour."
              }
            }
            """;

    private static final Set<String> POLICE_KEEP = Set.of("subjects.role", "subjects.relationshipToChild",
            "subjects.givenName", "subjects.familyName", "subjects.address.line1", "subjects.address.postcode",
            "subjects.address.uprn", "details.incidentType", "details.childrenPresent");

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void keepsOnlyTheAllowListedSubjectFields() {
        Minimised minimised = Minimiser.apply(parse(POLICE_NOTIFICATION), POLICE_KEEP);

        JsonNode child = minimised.document().path("subjects").get(0);
        assertThat(child.has("upn")).isFalse();
        assertThat(child.path("givenName").asText()).isEqualTo("Amelia");
        assertThat(child.path("role").asText()).isEqualTo("child");
    }

    @Test
    void keepsOnlyTheAllowListedAddressFields() {
        Minimised minimised = Minimiser.apply(parse(POLICE_NOTIFICATION), POLICE_KEEP);

        JsonNode address = minimised.document().path("subjects").get(0).path("address");
        assertThat(address.has("town")).isFalse();
        assertThat(address.path("line1").asText()).isEqualTo("12 Elm Road");
        assertThat(address.path("postcode").asText()).isEqualTo("WA7 1AB");
        assertThat(address.path("uprn").asText()).isEqualTo("100010350012");
    }

    @Test
    void keepsOnlyTheAllowListedDetails() {
        Minimised minimised = Minimiser.apply(parse(POLICE_NOTIFICATION), POLICE_KEEP);

        JsonNode details = minimised.document().path("details");
        assertThat(details.has("narrative")).isFalse();
        assertThat(details.has("location")).isFalse();
        assertThat(details.path("incidentType").asText()).isEqualTo("domestic-abuse");
        assertThat(details.path("childrenPresent").asBoolean()).isTrue();
    }

    @Test
    void listsTheDroppedPathsSortedAndOnceEachAcrossSubjects() {
        Minimised minimised = Minimiser.apply(parse(POLICE_NOTIFICATION), POLICE_KEEP);

        assertThat(minimised.droppedFields()).containsExactly(
                "details.location", "details.narrative", "subjects.address.town", "subjects.upn");
    }

    @Test
    void theDroppedListNamesFieldsNeverTheirValues() {
        Minimised minimised = Minimiser.apply(parse(POLICE_NOTIFICATION), POLICE_KEEP);

        assertThat(String.join(" ", minimised.droppedFields()))
                .doesNotContain("Runcorn")
                .doesNotContain("F876200318042")
                .doesNotContain("neighbour")
                .doesNotContain("Home address");
    }

    @Test
    void nothingIsDroppedWhenEveryFieldIsAllowed() {
        Set<String> everything = Set.of("subjects.role", "subjects.relationshipToChild", "subjects.upn",
                "subjects.givenName", "subjects.familyName", "subjects.address.line1", "subjects.address.town",
                "subjects.address.postcode", "subjects.address.uprn", "details.incidentType",
                "details.childrenPresent", "details.location", "details.narrative");

        Minimised minimised = Minimiser.apply(parse(POLICE_NOTIFICATION), everything);

        assertThat(minimised.droppedFields()).isEmpty();
        assertThat(minimised.document()).isEqualTo(parse(POLICE_NOTIFICATION));
    }

    @Test
    void anAddressLeftEmptyIsRemoved() {
        String flag = """
                {"sourceMessageId": "m-1", "flagType": "school-exclusion", "occurredOn": "2026-10-20",
                 "subjects": [{"role": "child", "address": {"line2": "Flat 3", "town": "Runcorn"}}],
                 "details": {"kind": "suspension"}}
                """;

        Minimised minimised = Minimiser.apply(parse(flag), Set.of("subjects.role", "subjects.address.postcode",
                "details.kind"));

        assertThat(minimised.document().path("subjects").get(0).has("address")).isFalse();
        assertThat(minimised.droppedFields()).containsExactly("subjects.address.line2", "subjects.address.town");
    }

    @Test
    void anAddressNoFieldOfWhichIsAllowedIsDroppedAsOnePath() {
        Minimised minimised = Minimiser.apply(parse(POLICE_NOTIFICATION), Set.of("subjects.role"));

        assertThat(minimised.document().path("subjects").get(0).has("address")).isFalse();
        assertThat(minimised.droppedFields()).contains("subjects.address")
                .noneMatch(path -> path.startsWith("subjects.address."));
    }

    @Test
    void theEnvelopeIsAlwaysKeptEvenWithAnEmptyAllowList() {
        Minimised minimised = Minimiser.apply(parse(POLICE_NOTIFICATION), Set.of());

        JsonNode document = minimised.document();
        assertThat(document.path("sourceMessageId").asText()).isEqualTo("CHS/OE/2026/10/31/0457");
        assertThat(document.path("flagType").asText()).isEqualTo("police-notification");
        assertThat(document.path("occurredOn").asText()).isEqualTo("2026-10-31");
    }

    @Test
    void anEmptyAllowListLeavesEachSubjectAndTheDetailsEmpty() {
        Minimised minimised = Minimiser.apply(parse(POLICE_NOTIFICATION), Set.of());

        JsonNode document = minimised.document();
        assertThat(document.path("subjects")).hasSize(2).allMatch(JsonNode::isEmpty);
        assertThat(document.path("details").isEmpty()).isTrue();
    }

    @Test
    void theInputDocumentIsNotChanged() {
        JsonNode input = parse(POLICE_NOTIFICATION);

        Minimiser.apply(input, POLICE_KEEP);

        assertThat(input).isEqualTo(parse(POLICE_NOTIFICATION));
    }

    @Test
    void theMinimisedDocumentIsACopyNotTheInput() {
        JsonNode input = parse(POLICE_NOTIFICATION);

        Minimised minimised = Minimiser.apply(input, POLICE_KEEP);

        assertThat(minimised.document()).isNotSameAs(input);
    }
}
