package uk.org.earlyhelp.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FlagSchemasTest {

    private static final FlagSchemas SCHEMAS = FlagSchemas.load();

    static Stream<String> validExamples() {
        return ContractExamples.valid();
    }

    static Stream<String> invalidExamples() {
        return ContractExamples.invalid();
    }

    private static List<FieldError> validate(String examplePath) {
        JsonNode document = ContractExamples.parse(examplePath);
        return ContractExamples.isAlert(examplePath) ? SCHEMAS.validateAlert(document) : SCHEMAS.validate(document);
    }

    private static ObjectNode example(String path) {
        return (ObjectNode) ContractExamples.parse("contract/examples/" + path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void everyValidExampleIsAccepted(String example) {
        assertThat(validate(example)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void everyInvalidExampleIsRejectedNamingExactlyTheFieldsInItsErrorsFile(String example) {
        List<String> expected = ContractExamples.expectedFields(example);
        assertThat(expected).as("the .errors sidecar of %s lists at least one pointer", example).isNotEmpty();

        List<FieldError> errors = validate(example);

        assertThat(errors).extracting(FieldError::field).containsAll(expected);
        // Exactly those fields: an example that fails for a second, unintended reason would prove nothing.
        assertThat(errors).extracting(FieldError::field).allMatch(expected::contains, "listed in the sidecar");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void noErrorMessageQuotesTheValueItIsAbout(String example) {
        JsonNode document = ContractExamples.parse(example);
        for (FieldError error : validate(example)) {
            JsonNode value = document.at(error.field());
            if (value.isValueNode() && !value.asText().isEmpty()) {
                assertThat(error.problem()).doesNotContain(value.asText());
            }
        }
    }

    @Test
    void flagTypesAreTheFiveInTheContract() {
        assertThat(SCHEMAS.flagTypes()).containsExactly("school-exclusion", "school-attendance",
                "health-visiting-concern", "police-notification", "adult-services-notification");
    }

    @Test
    void loadReturnsOneSharedInstance() {
        assertThat(FlagSchemas.load()).isSameAs(SCHEMAS);
    }

    @Test
    void aSourcePropertyIsRejectedBecauseTheAgencyIsIdentifiedByItsCertificate() {
        ObjectNode flag = example("school-exclusion/valid-suspension.json");
        flag.put("source", "st-chads-high-school");

        assertThat(SCHEMAS.validate(flag)).containsExactly(new FieldError("/source",
                "property not allowed; the sending agency is identified by its certificate, not by the payload"));
    }

    @Test
    void anAgencyIdPropertyIsRejectedTheSameWay() {
        ObjectNode flag = example("police-notification/valid-domestic-abuse.json");
        flag.put("agencyId", "cheshire-police");

        assertThat(SCHEMAS.validate(flag)).singleElement()
                .hasToString("/agencyId: " + SchemaErrors.IDENTIFIED_BY_CERTIFICATE);
    }

    @Test
    void anUnexpectedNestedPropertyIsSimplyNotAllowed() {
        ObjectNode flag = example("health-visiting-concern/valid-home-conditions.json");
        ((ObjectNode) flag.get("details")).put("gpPractice", "N81001");

        assertThat(SCHEMAS.validate(flag)).containsExactly(new FieldError("/details/gpPractice", "property not allowed"));
    }

    @Test
    void aMissingFlagTypeGivesOneErrorListingTheKnownTypes() {
        ObjectNode flag = example("school-attendance/valid-persistent-absence.json");
        flag.remove("flagType");

        assertThat(SCHEMAS.validate(flag)).containsExactly(new FieldError("/flagType", "is required; must be one of: "
                + "school-exclusion, school-attendance, health-visiting-concern, police-notification, adult-services-notification"));
    }

    @Test
    void anUnknownFlagTypeGivesOneErrorListingTheKnownTypes() {
        ObjectNode flag = example("school-attendance/valid-persistent-absence.json");
        flag.put("flagType", "housing-arrears");

        List<FieldError> errors = SCHEMAS.validate(flag);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/flagType");
            assertThat(error.problem()).startsWith("is not a known flag type; must be one of: ")
                    .contains(SCHEMAS.flagTypes()).doesNotContain("housing-arrears");
        });
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRejectedAtTheRoot() {
        assertThat(SCHEMAS.validate(ContractExamples.JSON.createArrayNode()))
                .containsExactly(new FieldError("", "must be a JSON object (a flag document)"));
        assertThat(SCHEMAS.validate(null)).extracting(FieldError::field).containsExactly("");
    }

    @Test
    void aMissingRequiredPropertyIsReportedAtItsOwnPointer() {
        ObjectNode flag = example("school-exclusion/valid-permanent-exclusion.json");
        ((ObjectNode) flag.get("details")).remove("kind");
        flag.remove("occurredOn");

        assertThat(SCHEMAS.validate(flag)).containsExactly(
                new FieldError("/details/kind", "is required"),
                new FieldError("/occurredOn", "is required"));
    }

    @Test
    void aSuspensionWithoutSchoolDaysSaysWhyTheyAreRequired() {
        ObjectNode flag = example("school-exclusion/valid-suspension.json");
        ((ObjectNode) flag.get("details")).remove("schoolDays");

        assertThat(SCHEMAS.validate(flag)).containsExactly(
                new FieldError("/details/schoolDays", "is required when kind is suspension"));
    }

    @Test
    void everyErrorIsCollectedAndSortedByFieldWithIndexesInNumericOrder() {
        ObjectNode flag = example("police-notification/valid-domestic-abuse.json");
        ((ObjectNode) flag.get("subjects").get(3)).put("nhsNumber", "9990518158");
        ((ObjectNode) flag.get("subjects").get(0)).put("sex", "f");
        ((ObjectNode) flag.get("details")).put("riskLevel", "severe");
        flag.put("occurredOn", "31/10/2026");
        for (int i = 0; i < 8; i++) {
            ((ArrayNode) flag.get("subjects")).add(flag.get("subjects").get(2).deepCopy());
        }
        ((ObjectNode) flag.get("subjects").get(10)).remove("givenName");

        assertThat(SCHEMAS.validate(flag)).extracting(FieldError::field).containsExactly(
                "/details/riskLevel",
                "/occurredOn",
                "/subjects/0/sex",
                "/subjects/3/nhsNumber",
                "/subjects/10/givenName");
    }

    @Test
    void problemsAreWrittenInPlainEnglish() {
        ObjectNode flag = example("health-visiting-concern/valid-maternal-mental-health.json");
        ((ObjectNode) flag.get("subjects").get(0)).put("nhsNumber", "9990701661");
        ((ObjectNode) flag.get("subjects").get(1)).put("nhsNumber", "99904526");
        ((ObjectNode) flag.get("details")).put("severity", "urgent");

        assertThat(SCHEMAS.validate(flag)).containsExactly(
                new FieldError("/details/severity", "must be one of: low, medium, high"),
                new FieldError("/subjects/0/nhsNumber", "NHS number check digit does not match (modulus 11)"),
                new FieldError("/subjects/1/nhsNumber", "must be exactly 10 digits, no spaces"));
    }

    @Test
    void datesAreCheckedAsRealCalendarDates() {
        ObjectNode flag = example("school-attendance/valid-persistent-absence.json");
        ((ObjectNode) flag.get("details")).put("periodEnd", "2026-02-30");
        ((ObjectNode) flag.get("subjects").get(0)).put("dateOfBirth", "2014-1-17");

        assertThat(SCHEMAS.validate(flag)).containsExactly(
                new FieldError("/details/periodEnd", "must be a real calendar date written yyyy-mm-dd"),
                new FieldError("/subjects/0/dateOfBirth", "must be a real calendar date written yyyy-mm-dd"));
    }

    @Test
    void aDateOfBirthMayBeTodayButNotTomorrow() {
        FlagSchemas pinned = FlagSchemas.load(
                Clock.fixed(Instant.parse("2026-11-24T23:30:00Z"), ZoneId.of("Europe/London")));
        ObjectNode flag = example("health-visiting-concern/valid-home-conditions.json");

        ((ObjectNode) flag.get("subjects").get(0)).put("dateOfBirth", "2026-11-24");
        assertThat(pinned.validate(flag)).isEmpty();

        ((ObjectNode) flag.get("subjects").get(0)).put("dateOfBirth", "2026-11-25");
        assertThat(pinned.validate(flag)).containsExactly(
                new FieldError("/subjects/0/dateOfBirth", "must not be in the future"));
    }

    @Test
    void anAttendancePeriodMayBeASingleDay() {
        ObjectNode flag = example("school-attendance/valid-temporary-upn.json");
        ObjectNode details = (ObjectNode) flag.get("details");
        details.put("periodStart", "2026-11-20");
        details.put("periodEnd", "2026-11-20");
        details.put("sessionsPossible", 2);
        details.put("sessionsMissed", 2);

        assertThat(SCHEMAS.validate(flag)).isEmpty();
    }

    @Test
    void anIncidentTimeNeedsAnOffset() {
        ObjectNode flag = example("police-notification/valid-exploitation-concern.json");
        ((ObjectNode) flag.get("details")).put("incidentDateTime", "2026-11-08T01:15:00");

        assertThat(SCHEMAS.validate(flag)).containsExactly(new FieldError("/details/incidentDateTime",
                "must be an RFC 3339 date-time with a time zone, e.g. 2026-10-03T22:40:00+01:00"));
    }

    @Test
    void anAlertWithAnUnexpectedPropertyIsNotToldAboutCertificates() {
        ObjectNode alert = example("alert/valid-alert.json");
        alert.put("source", "gateway");

        assertThat(SCHEMAS.validateAlert(alert)).containsExactly(new FieldError("/source", "property not allowed"));
    }

    @Test
    void oneInstanceValidatesFromManyThreadsAtOnce() throws Exception {
        List<String> examples = Stream.concat(ContractExamples.valid(), ContractExamples.invalid()).toList();
        List<List<FieldError>> expected = examples.stream().map(FlagSchemasTest::validate).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < examples.size(); i++) {
                    int index = i;
                    results.add(pool.submit(() -> validate(examples.get(index)).equals(expected.get(index))));
                }
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
