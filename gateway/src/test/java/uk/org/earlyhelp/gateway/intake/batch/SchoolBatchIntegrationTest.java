package uk.org.earlyhelp.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;

/** {@code POST /api/v1/batches} over real mutual TLS: rows become flags through the shared intake, or errors. */
@ExtendWith(OutputCaptureExtension.class)
class SchoolBatchIntegrationTest extends GatewayIntegrationTest {

    static final String SCHOOL = "greenfield-primary";

    @Test
    void goodRowsBecomeFlagsAndTheReportNamesEachBadRowByNumberAndColumn(CapturedOutput log) throws Exception {
        TestFamily persistent = new TestFamily();
        TestFamily severe = new TestFamily();
        TestFamily belowThreshold = new TestFamily();
        TestFamily badUpn = new TestFamily();
        TestFamily other = new TestFamily();
        String wrongCheckLetter = (badUpn.pupil.upn().charAt(0) == 'A' ? "B" : "A") + badUpn.pupil.upn().substring(1);
        String csv = TestCsv.ATTENDANCE_HEADER
                + TestCsv.attendance(persistent, 100, 10)                     // row 2: exactly 10%: a flag
                + TestCsv.attendance(severe, 100, 50)                         // row 3: exactly 50%: a flag
                + TestCsv.attendance(belowThreshold, 100, 9)                  // row 4: below 10%: no flag
                + TestCsv.attendance(wrongCheckLetter, badUpn, 100, 30)       // row 5: bad UPN
                + TestCsv.attendance(other, 100, 101)                         // row 6: more missed than possible
                + TestCsv.attendance(other, 100, 20).replace(other.pupil.givenName(), "")   // row 7: no given name
                + "\n"                                                        // row 8: blank, skipped
                + "B801200005001,Too,Few,2015-01-01\n";                       // row 9: too few cells

        HttpResponse<String> response = agency(SCHOOL).post("/api/v1/batches", "text/csv", csv);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode report = JSON.readTree(response.body());
        String batchId = report.get("batchId").asText();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/batches/" + batchId);
        assertThat(report.get("status").asText()).isEqualTo("completed");
        assertThat(report.get("format").asText()).isEqualTo("attendance");
        assertThat(report.get("counts").toString()).isEqualTo(
                "{\"rows\":7,\"flagsAccepted\":2,\"duplicates\":0,\"noFlagRows\":1,\"rejectedRows\":4}");
        assertThat(errors(report)).containsExactly("5 upn", "6 sessions_missed", "7 given_name", "9 row");
        assertThat(response.body()).doesNotContain(wrongCheckLetter, other.surname);

        String persistentFlag = awaitFamilyFlag(persistent);
        String severeFlag = awaitFamilyFlag(severe);
        assertThat(decisionsFor(persistentFlag)).contains("received", "family-linked");
        assertThat(awaitDecision(severeFlag, "received").get("channel")).isEqualTo("csv-batch");
        assertThat(awaitDecision(severeFlag, "alert-raised")).as("severe absence is high severity").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from person_identifiers where identifier_value = ?",
                Integer.class, belowThreshold.pupil.upn())).as("a row below 10% creates no flag and no person")
                .isZero();
        assertThat(log.getAll()).contains(batchId).doesNotContain(persistent.surname, persistent.pupil.upn(),
                wrongCheckLetter, other.surname, persistent.postcode);
    }

    @Test
    void theSameFileTwiceCreatesNoNewFlagsAndItsCountsShowTheDuplicates() throws Exception {
        TestFamily suspended = new TestFamily();
        TestFamily excluded = new TestFamily();
        TestFamily incomplete = new TestFamily();
        String csv = TestCsv.EXCLUSIONS_HEADER
                + TestCsv.exclusion(suspended, "suspension", "3")
                + TestCsv.exclusion(excluded, "permanent-exclusion", "")
                + TestCsv.exclusion(incomplete, "suspension", "");          // a suspension needs school days

        JsonNode first = JSON.readTree(agency(SCHOOL).post("/api/v1/batches", "text/csv", csv).body());
        awaitFamilyFlag(suspended);
        awaitFamilyFlag(excluded);
        JsonNode second = JSON.readTree(agency(SCHOOL).post("/api/v1/batches", "text/csv", csv).body());

        assertThat(first.get("counts").toString()).isEqualTo(
                "{\"rows\":3,\"flagsAccepted\":2,\"duplicates\":0,\"noFlagRows\":0,\"rejectedRows\":1}");
        assertThat(errors(first)).containsExactly("4 school_days");
        assertThat(second.get("counts").toString()).isEqualTo(
                "{\"rows\":3,\"flagsAccepted\":0,\"duplicates\":2,\"noFlagRows\":0,\"rejectedRows\":1}");
        assertThat(second.get("batchId").asText()).isNotEqualTo(first.get("batchId").asText());
        assertThat(second.get("fileSha256").asText()).isEqualTo(first.get("fileSha256").asText());
        assertThat(jdbc.queryForObject("select count(*) from family_flags where family_id in (?, ?)", Integer.class,
                familyOfUpn(suspended.pupil.upn()), familyOfUpn(excluded.pupil.upn()))).isEqualTo(2);
    }

    @Test
    void onlyTheSchoolThatSentABatchMayReadItsReport() throws Exception {
        String csv = TestCsv.ATTENDANCE_HEADER + TestCsv.attendance(new TestFamily(), 100, 3);
        String batchId = JSON.readTree(agency(SCHOOL).post("/api/v1/batches", "text/csv", csv).body())
                .get("batchId").asText();

        HttpResponse<String> own = agency(SCHOOL).get("/api/v1/batches/" + batchId, null);
        HttpResponse<String> anotherSchool = agency("hillside-academy").get("/api/v1/batches/" + batchId, null);
        HttpResponse<String> unknown = agency(SCHOOL).get("/api/v1/batches/" + UUID.randomUUID(), null);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).get("counts").get("noFlagRows").asInt()).isEqualTo(1);
        assertThat(anotherSchool.statusCode()).isEqualTo(403);
        assertThat(anotherSchool.body()).doesNotContain("counts");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(agency("hillside-academy").get("/api/v1/batches", null).body()).doesNotContain(batchId);
        assertThat(agency(SCHOOL).get("/api/v1/batches", null).body()).contains(batchId);
    }

    @Test
    void aHeaderOfNeitherFormatIsRefusedWith400NamingTheColumnsAndNoRowIsRead() throws Exception {
        String csv = "upn,given_name,family_name,favourite_colour\n" + "B801200005001,A,B,blue\n";

        HttpResponse<String> response = agency(SCHOOL).post("/api/v1/batches", "text/csv", csv);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("header");
        assertThat(jdbc.queryForObject("select status from batches where batch_id = ?::uuid", String.class,
                problem.get("batchId").asText())).isEqualTo("rejected");
    }

    @Test
    void anAgencyThatIsNotASchoolCannotSendABatch() throws Exception {
        String csv = TestCsv.ATTENDANCE_HEADER + TestCsv.attendance(new TestFamily(), 100, 30);

        assertThat(agency("county-police").post("/api/v1/batches", "text/csv", csv).statusCode()).isEqualTo(403);
    }

    /** The receipt of the flag the pupil's family history got, once the pipeline has recorded it. */
    private String awaitFamilyFlag(TestFamily family) {
        await().atMost(PIPELINE_TIMEOUT).until(() -> jdbc.queryForObject("""
                select count(*) from person_identifiers i join family_members m on m.person_id = i.person_id
                  join family_flags f on f.family_id = m.family_id
                 where i.identifier_type = 'upn' and i.identifier_value = ?
                """, Integer.class, family.pupil.upn()) > 0);
        return jdbc.queryForObject("select receipt_id::text from family_flags where family_id = ?", String.class,
                familyOfUpn(family.pupil.upn()));
    }

    /** Each error as "row column". */
    static List<String> errors(JsonNode report) {
        return java.util.stream.StreamSupport.stream(report.get("errors").spliterator(), false)
                .map(error -> error.get("row").asInt() + " " + error.get("field").asText()).toList();
    }
}
