package uk.org.earlyhelp.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.schemas.FieldError;
import uk.org.earlyhelp.schemas.FlagSchemas;

/** CSV row to the canonical flag JSON, judged by the same schema as {@code POST /api/v1/flags}. */
class SchoolRowMapperTest {

    static final List<String> ATTENDANCE = columns(TestCsv.ATTENDANCE_HEADER);
    static final List<String> EXCLUSIONS = columns(TestCsv.EXCLUSIONS_HEADER);
    /** Stands in for the keyed pseudonym: deterministic, and visibly not the UPN. */
    static final BinaryOperator<String> KEY = (kind, identity) -> kind + ":" + Integer.toHexString(identity.hashCode());

    final SchoolRowMapper attendance = new SchoolRowMapper(BatchFormat.ATTENDANCE, ATTENDANCE, KEY);

    @Test
    void anAttendanceRowBecomesAValidSchoolAttendanceFlagAboutOnePupil() throws Exception {
        SchoolRowMapper.MappedRow row = attendance.map(cells(
                "f876200318042,Amelia,Hart,17/01/2014,F,wa7 1ab,2026-09-02,2026-10-23,74,19,12"));

        assertThat(row.errors()).isEmpty();
        assertThat(row.absence()).isEqualTo(AbsenceThreshold.PERSISTENT);
        JsonNode flag = row.flag();
        assertThat(FlagSchemas.load().validate(flag)).isEmpty();
        assertThat(flag.get("flagType").asText()).isEqualTo("school-attendance");
        assertThat(flag.get("occurredOn").asText()).isEqualTo("2026-10-23");
        assertThat(flag.get("subjects").toString()).isEqualTo("[{\"role\":\"child\",\"upn\":\"F876200318042\","
                + "\"givenName\":\"Amelia\",\"familyName\":\"Hart\",\"dateOfBirth\":\"2014-01-17\",\"sex\":\"female\","
                + "\"address\":{\"postcode\":\"WA7 1AB\"}}]");
        assertThat(flag.get("details").toString()).isEqualTo("{\"periodStart\":\"2026-09-02\","
                + "\"periodEnd\":\"2026-10-23\",\"sessionsPossible\":74,\"sessionsMissed\":19,"
                + "\"unauthorisedSessionsMissed\":12}");
    }

    @Test
    void theSourceMessageIdIsThePupilAndPeriodKeyedSoAReExportIsADuplicateAndNoUpnTravels() {
        String row = "F876200318042,Amelia,Hart,2014-01-17,female,WA7 1AB,2026-09-02,2026-10-23,74,19,12";
        String id = sourceMessageId(row);

        assertThat(id).startsWith("csv:school-attendance:").doesNotContain("F876200318042");
        assertThat(sourceMessageId(row.replace("74,19,12", "74,20,12"))).as("the same pupil and period").isEqualTo(id);
        assertThat(sourceMessageId(row.replace("Amelia", "Amelia-Rose"))).isEqualTo(id);
        assertThat(sourceMessageId(row.replace("2026-10-23", "2026-10-24"))).as("a new period").isNotEqualTo(id);
        assertThat(sourceMessageId(row.replace("F876200318042", "V876200318043"))).isNotEqualTo(id);
    }

    @Test
    void aRowBelowPersistentAbsenceIsStillAValidRowButNoFlag() {
        SchoolRowMapper.MappedRow row = attendance.map(cells(
                "F876200318042,Amelia,Hart,2014-01-17,female,WA7 1AB,2026-09-02,2026-10-23,100,9,"));

        assertThat(row.absence()).isEqualTo(AbsenceThreshold.BELOW_PERSISTENT);
        assertThat(row.flag().get("details").has("unauthorisedSessionsMissed")).isFalse();
        assertThat(FlagSchemas.load().validate(row.flag())).isEmpty();
    }

    @Test
    void aCellThatIsNotAWholeNumberIsLeftForTheSchemaToNameAndTheThresholdIsNotGuessed() {
        SchoolRowMapper.MappedRow row = attendance.map(cells(
                "F876200318042,Amelia,Hart,2014-01-17,female,WA7 1AB,2026-09-02,2026-10-23,74.5,9,"));

        assertThat(row.absence()).isNull();
        assertThat(FlagSchemas.load().validate(row.flag())).extracting(FieldError::field)
                .containsExactly("/details/sessionsPossible");
        assertThat(ColumnOfField.column("/details/sessionsPossible", BatchFormat.ATTENDANCE))
                .isEqualTo("sessions_possible");
    }

    @Test
    void missingCellsAndAWrongNumberOfCellsAreRowErrorsWithoutAFlag() {
        assertThat(attendance.map(cells("F876200318042,,Hart,2014-01-17,female,,2026-09-02,2026-10-23,74,9,"))
                .errors()).containsExactly(new FieldError("given_name", "is required"),
                        new FieldError("postcode", "is required"));
        SchoolRowMapper.MappedRow short_ = attendance.map(cells("F876200318042,Amelia"));
        assertThat(short_.flag()).isNull();
        assertThat(short_.errors()).extracting(FieldError::field).containsExactly("row");
    }

    @Test
    void anExclusionRowBecomesASchoolExclusionFlagWhateverTheColumnOrder() {
        List<String> reordered = List.of("kind", "reason_category", "start_date", "school_days", "upn", "given_name",
                "family_name", "date_of_birth", "sex", "postcode");
        SchoolRowMapper exclusions = new SchoolRowMapper(BatchFormat.EXCLUSIONS, reordered, KEY);

        SchoolRowMapper.MappedRow row = exclusions.map(cells(
                "Permanent-Exclusion,damage,2026-11-12,,E876200318049,Harry,Doyle,2012-04-18,M,WA7 2DF"));

        assertThat(FlagSchemas.load().validate(row.flag())).isEmpty();
        assertThat(row.flag().get("details").toString()).isEqualTo("{\"kind\":\"permanent-exclusion\","
                + "\"startDate\":\"2026-11-12\",\"reasonCategory\":\"damage\"}");
        assertThat(row.flag().get("occurredOn").asText()).isEqualTo("2026-11-12");
        assertThat(row.flag().get("sourceMessageId").asText()).startsWith("csv:school-exclusion:");
    }

    @Test
    void schemaPointersAreReportedAsTheColumnsASchoolCanFix() {
        assertThat(ColumnOfField.column("/subjects/0/dateOfBirth", BatchFormat.ATTENDANCE)).isEqualTo("date_of_birth");
        assertThat(ColumnOfField.column("/subjects/0/address/postcode", BatchFormat.ATTENDANCE)).isEqualTo("postcode");
        assertThat(ColumnOfField.column("/details/unauthorisedSessionsMissed", BatchFormat.ATTENDANCE))
                .isEqualTo("unauthorised_sessions_missed");
        assertThat(ColumnOfField.column("/occurredOn", BatchFormat.EXCLUSIONS)).isEqualTo("start_date");
        assertThat(ColumnOfField.column("/details/reasonCategory", BatchFormat.EXCLUSIONS))
                .isEqualTo("reason_category");
        assertThat(ColumnOfField.column("", BatchFormat.EXCLUSIONS)).isEqualTo("row");
    }

    private String sourceMessageId(String row) {
        return attendance.map(cells(row)).flag().get("sourceMessageId").asText();
    }

    static List<String> cells(String row) {
        return CsvLines.parse(2, row).fields();
    }

    static List<String> columns(String header) {
        return Arrays.stream(header.strip().split(",")).toList();
    }
}
