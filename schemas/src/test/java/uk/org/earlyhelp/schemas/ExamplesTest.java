package uk.org.earlyhelp.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesTest {

    @Test
    void readReturnsTheTextOfAClasspathResource() {
        assertThat(Examples.read("contract/examples/school-exclusion/valid-suspension.json"))
                .contains("\"flagType\": \"school-exclusion\"");
        assertThat(Examples.read("/contract/examples/alert/valid-alert.json")).contains("\"locality\": \"runcorn\"");
    }

    @Test
    void readingAMissingResourceSaysWhich() {
        assertThatThrownBy(() -> Examples.read("contract/examples/nope.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contract/examples/nope.json");
    }

    @Test
    void listFindsTheExamplesOfEveryKind() {
        assertThat(Examples.list(Examples.ROOT))
                .contains("contract/examples/school-exclusion/valid-suspension.json",
                        "contract/examples/alert/valid-alert.json")
                .isSorted();
    }

    static List<String> kinds() {
        List<String> kinds = new java.util.ArrayList<>(FlagSchemas.load().flagTypes());
        kinds.add("alert");
        return kinds;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyFlagTypeHasAtLeastTwoValidAndThreeInvalidExamples(String kind) {
        long valid = ContractExamples.valid().filter(p -> ContractExamples.kind(p).equals(kind)).count();
        List<String> invalid = ContractExamples.invalid().filter(p -> ContractExamples.kind(p).equals(kind)).toList();

        assertThat(valid).isGreaterThanOrEqualTo(kind.equals("alert") ? 1 : 2);
        assertThat(invalid).hasSizeGreaterThanOrEqualTo(kind.equals("alert") ? 1 : 3);
        invalid.forEach(p -> assertThat(ContractExamples.expectedFields(p)).as(p).isNotEmpty());
    }

    @Test
    void everyExampleSitsInTheFolderOfItsFlagType() {
        ContractExamples.valid().filter(p -> !ContractExamples.isAlert(p)).forEach(p ->
                assertThat(ContractExamples.parse(p).path("flagType").asText()).as(p).isEqualTo(ContractExamples.kind(p)));
    }

    @Test
    void theHartFamilyIsTheSamePeopleWhereverTheyAppear() {
        // End-to-end tests rely on the examples matching into one family: the same person must carry
        // the same identifiers in every flag that names them.
        Map<String, Map<String, String>> seen = new HashMap<>();
        int hartFlags = 0;
        for (String path : ContractExamples.valid().filter(p -> !ContractExamples.isAlert(p)).toList()) {
            boolean hart = false;
            for (JsonNode subject : ContractExamples.parse(path).get("subjects")) {
                if (!subject.path("familyName").asText().equals("Hart")) {
                    continue;
                }
                hart = true;
                Map<String, String> known = seen.computeIfAbsent(subject.get("givenName").asText(), k -> new HashMap<>());
                for (String field : List.of("nhsNumber", "upn", "dateOfBirth")) {
                    if (subject.has(field)) {
                        String previous = known.putIfAbsent(field, subject.get(field).asText());
                        assertThat(subject.get(field).asText()).as(path + " " + field).isEqualTo(
                                previous == null ? subject.get(field).asText() : previous);
                    }
                }
                if (subject.has("address")) {
                    assertThat(subject.at("/address/postcode").asText()).isEqualTo("WA7 1AB");
                    assertThat(subject.at("/address/uprn").asText()).isEqualTo("100010350012");
                }
            }
            hartFlags += hart ? 1 : 0;
        }
        assertThat(seen).containsOnlyKeys("Amelia", "Oliver", "Sophie", "Daniel");
        assertThat(hartFlags).isEqualTo(5);
    }
}
